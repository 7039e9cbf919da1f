"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.poolOf = poolOf;
exports.readRows = readRows;
/** The node-postgres pool under TypeORM's PostgreSQL driver. */
function poolOf(dataSource) {
    return dataSource.driver.master;
}
/**
 * One read statement on the connection pool TypeORM already holds, without
 * TypeORM's query runner around it (a runner object, a pool checkout and
 * release of its own, result wrapping). Used on the two statements every
 * busy request runs: the token's user and the invite list. Errors are
 * node-postgres's own; isDatabaseUnavailable recognises them as it does
 * TypeORM's. Writes and transactions stay with TypeORM.
 */
async function readRows(dataSource, sql, parameters = []) {
    const result = await poolOf(dataSource).query(sql, parameters);
    return result.rows;
}
//# sourceMappingURL=read-rows.js.map