import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/configuration';
import { CheckoutWatchdog } from './checkout-watchdog';
import { buildDataSourceOptions } from './data-source-options';
import { runMigrationsExclusively } from './migration-runner';
import { warmUpPool } from './pool-warm-up';
import { poolOf } from './pg-internals';

/**
 * TypeORM on the configured PostgreSQL. Migrations are applied (under a lock)
 * while the module initialises, so the app never listens on an old schema.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const database = config.get('database', { infer: true });
        if (!database.url) {
          throw new Error('database.url must be set before the app is created');
        }
        return {
          ...buildDataSourceOptions({
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
        await runMigrationsExclusively(options!);
        const dataSource = await new DataSource(options!).initialize();
        warmUpPool(dataSource, options!.poolSize ?? 10);
        return dataSource;
      },
    }),
  ],
  providers: [
    {
      // A statement's bound plus a quarter second for the round trip: a
      // partitioned request answers 503 within 4.5 s by default.
      provide: CheckoutWatchdog,
      inject: [DataSource, ConfigService],
      useFactory: (
        dataSource: DataSource,
        config: ConfigService<AppConfig, true>,
      ) =>
        new CheckoutWatchdog(
          poolOf(dataSource),
          config.get('database', { infer: true }).statementTimeoutMs + 250,
        ),
    },
  ],
})
export class DatabaseModule {}
