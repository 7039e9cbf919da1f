import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { AppConfig } from '../config/configuration';
import { AuditModule } from '../audit/audit.module';
import { ChangesModule } from '../changes/changes.module';
import { DatabaseModule } from '../database/database.module';
import { JobsModule } from '../jobs/jobs.module';
import { MetricsModule } from '../metrics/metrics.module';
import { OutboxModule } from '../webhooks/outbox.module';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { InvitesModule } from '../invites/invites.module';
import { UsersModule } from '../users/users.module';

/**
 * What the operator CLI needs of the application: the database (migrated on
 * start-up, like the app), UsersService, InvitesService and what records
 * their changes (audit, webhook outbox). Deliberately without
 * FirstAdministratorService: the CLI logs errors only, so the generated
 * password of a first administrator created here would be lost.
 */
@Module({})
export class CliModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [() => config],
        }),
        DatabaseModule,
        UsersModule,
        InvitesModule,
        ApiKeysModule,
        // A change made here is audited and announced to webhooks as one
        // made through the API is; delivery stays with the servers.
        ChangesModule,
        AuditModule,
        JobsModule,
        OutboxModule,
        MetricsModule.register(false),
      ],
    };
  }
}
