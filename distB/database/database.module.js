"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DatabaseModule = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("@nestjs/config");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const checkout_watchdog_1 = require("./checkout-watchdog");
const data_source_options_1 = require("./data-source-options");
const migration_runner_1 = require("./migration-runner");
const pool_warm_up_1 = require("./pool-warm-up");
const read_rows_1 = require("./read-rows");
/**
 * TypeORM on the configured PostgreSQL. Migrations are applied (under a lock)
 * while the module initialises, so the app never listens on an old schema.
 */
let DatabaseModule = class DatabaseModule {
};
exports.DatabaseModule = DatabaseModule;
exports.DatabaseModule = DatabaseModule = __decorate([
    (0, common_1.Module)({
        imports: [
            typeorm_1.TypeOrmModule.forRootAsync({
                inject: [config_1.ConfigService],
                useFactory: (config) => {
                    const database = config.get('database', { infer: true });
                    if (!database.url) {
                        throw new Error('database.url must be set before the app is created');
                    }
                    return {
                        ...(0, data_source_options_1.buildDataSourceOptions)({
                            url: database.url,
                            connectTimeoutMs: database.connectTimeoutMs,
                            statementTimeoutMs: database.statementTimeoutMs,
                            poolSize: database.poolSize,
                        }),
                        // Start-up against an unreachable database fails after a few
                        // tries with a clear log line rather than waiting half a minute.
                        retryAttempts: 3,
                        retryDelay: 1000,
                    };
                },
                dataSourceFactory: async (options) => {
                    const dataSource = await new typeorm_2.DataSource(options).initialize();
                    await (0, migration_runner_1.runMigrationsExclusively)(dataSource);
                    (0, pool_warm_up_1.warmUpPool)(dataSource, options.poolSize ?? 10);
                    return dataSource;
                },
            }),
        ],
        providers: [
            {
                // The same bound as a statement's, plus a second for the round trip.
                provide: checkout_watchdog_1.CheckoutWatchdog,
                inject: [typeorm_2.DataSource, config_1.ConfigService],
                useFactory: (dataSource, config) => new checkout_watchdog_1.CheckoutWatchdog((0, read_rows_1.poolOf)(dataSource), config.get('database', { infer: true }).statementTimeoutMs + 1000),
            },
        ],
    })
], DatabaseModule);
//# sourceMappingURL=database.module.js.map