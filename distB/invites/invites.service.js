"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvitesService = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("@nestjs/config");
const typeorm_1 = require("typeorm");
const postgres_text_1 = require("../database/postgres-text");
const read_rows_1 = require("../database/read-rows");
const invite_code_generator_1 = require("./invite-code.generator");
const invite_response_1 = require("./invite-response");
const invites_errors_1 = require("./invites.errors");
const list_invites_query_1 = require("./list-invites-query");
const COLUMNS = 'id, code, created_at, expires_at, uses, max_uses, created_by_id';
/** Each attempt replaces only the codes that collided; 62^6 makes even two attempts rare. */
const MAX_CODE_ATTEMPTS = 10;
/** Conditions shared by the list filters, the redemption and the cleanup. */
const IS_USED = 'max_uses IS NOT NULL AND uses >= max_uses';
const IS_EXPIRED = 'expires_at IS NOT NULL AND expires_at <= now()';
/**
 * Invites in plain SQL: each operation is one statement (or one transaction),
 * rows go straight to responses without entity hydration, and the exact
 * conditions of "used" and "expired" are visible in one place.
 */
let InvitesService = class InvitesService {
    dataSource;
    codes;
    config;
    constructor(dataSource, codes, config) {
        this.dataSource = dataSource;
        this.codes = codes;
        this.config = config;
    }
    /** Newest first (createdAt desc, then id desc), optionally filtered and paged. */
    async list(query) {
        const conditions = [];
        const parameters = [];
        if (query.used !== undefined) {
            conditions.push(query.used ? `(${IS_USED})` : `NOT (${IS_USED})`);
        }
        if (query.expired !== undefined) {
            conditions.push(query.expired ? `(${IS_EXPIRED})` : `NOT (${IS_EXPIRED})`);
        }
        if (query.cursor) {
            parameters.push(query.cursor.createdAt, query.cursor.id);
            conditions.push(`(created_at, id) < ($${parameters.length - 1}::timestamptz, $${parameters.length})`);
        }
        // With a limit, each row also carries its created_at at PostgreSQL's
        // full precision (microseconds, which a Date loses) for the next cursor;
        // without one there is no next page and the column would be waste.
        let sql = query.limit === undefined
            ? `SELECT ${COLUMNS} FROM invites`
            : `SELECT ${COLUMNS}, created_at::text AS cursor_created_at FROM invites`;
        if (conditions.length > 0)
            sql += ` WHERE ${conditions.join(' AND ')}`;
        sql += ' ORDER BY created_at DESC, id DESC';
        if (query.limit !== undefined) {
            // One row more than asked tells whether another page follows.
            parameters.push(query.limit + 1);
            sql += ` LIMIT $${parameters.length}`;
        }
        const rows = await (0, read_rows_1.readRows)(this.dataSource, sql, parameters);
        if (query.limit === undefined || rows.length <= query.limit) {
            return { invites: rows.map(invite_response_1.toInviteResponse) };
        }
        const page = rows.slice(0, query.limit);
        const last = page[page.length - 1];
        return {
            invites: page.map(invite_response_1.toInviteResponse),
            nextCursor: (0, list_invites_query_1.encodeCursor)({
                createdAt: last.cursor_created_at,
                id: last.id,
            }),
        };
    }
    /**
     * Creates `count` invites in one transaction: all of them or none. Codes
     * are inserted with ON CONFLICT DO NOTHING, and only those that collided
     * with an existing code are drawn again, so a collision is never an error.
     */
    async create(input, createdById) {
        const length = this.config.get('invites', { infer: true }).codeLength;
        return this.dataSource.transaction(async (manager) => {
            const created = [];
            for (let attempt = 1; created.length < input.count; attempt += 1) {
                if (attempt > MAX_CODE_ATTEMPTS)
                    throw new invites_errors_1.CodeSpaceExhaustedError(MAX_CODE_ATTEMPTS);
                const codes = new Set();
                while (codes.size < input.count - created.length) {
                    codes.add(this.codes.generate(length));
                }
                const inserted = await manager.query(`INSERT INTO invites (code, expires_at, max_uses, created_by_id)
           SELECT unnest($1::varchar[]), $2::timestamptz, $3::int, $4::int
           ON CONFLICT (code) DO NOTHING
           RETURNING ${COLUMNS}`, [[...codes], input.expiresAt, input.maxUses, createdById]);
                created.push(...inserted);
            }
            return created.sort((a, b) => a.id - b.id).map(invite_response_1.toInviteResponse);
        });
    }
    /** Deletes by code; users who registered with it keep their accounts (invite_id → null). */
    async delete(code) {
        if (!(0, postgres_text_1.isStorableText)(code))
            throw new invites_errors_1.InviteNotFoundError();
        const [rows] = await this.dataSource.query(`DELETE FROM invites WHERE code = $1 RETURNING ${COLUMNS}`, [code]);
        if (rows.length === 0)
            throw new invites_errors_1.InviteNotFoundError();
        return (0, invite_response_1.toInviteResponse)(rows[0]);
    }
    /**
     * Consumes one use of the invite inside the caller's transaction and
     * returns its id. The condition and the increment are one statement: of
     * concurrent redemptions PostgreSQL lets each see the row only after the
     * previous one committed, so at most maxUses of them ever succeed.
     * @throws InvalidInviteCodeError for an unknown, expired or used-up code.
     */
    async redeem(code, manager) {
        if (!(0, postgres_text_1.isStorableText)(code))
            throw new invites_errors_1.InvalidInviteCodeError();
        const [rows] = await manager.query(`UPDATE invites SET uses = uses + 1
       WHERE code = $1 AND NOT (${IS_USED}) AND NOT (${IS_EXPIRED})
       RETURNING id`, [code]);
        if (rows.length === 0)
            throw new invites_errors_1.InvalidInviteCodeError();
        return rows[0].id;
    }
    /** Deletes every expired or used-up invite; returns how many. */
    async deleteSpent() {
        const [, count] = await this.dataSource.query(`DELETE FROM invites WHERE (${IS_USED}) OR (${IS_EXPIRED})`);
        return count;
    }
};
exports.InvitesService = InvitesService;
exports.InvitesService = InvitesService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        invite_code_generator_1.InviteCodeGenerator,
        config_1.ConfigService])
], InvitesService);
//# sourceMappingURL=invites.service.js.map