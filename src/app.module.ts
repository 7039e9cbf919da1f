import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { ApiKeyScopeGuard } from './api-keys/api-key-scope.guard';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { CredentialsGuard } from './api-keys/credentials.guard';
import { AuditModule } from './audit/audit.module';
import { ChangesModule } from './changes/changes.module';
import { AuthModule } from './auth/auth.module';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { AdminGuard } from './common/guards/admin.guard';
import { ApiValidationPipe } from './common/pipes/api-validation.pipe';
import { RouteTable } from './common/routing/route-table';
import type { AppConfig } from './config/configuration';
import { StartupWarnings } from './config/startup-warnings';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { IdempotencyCleanupModule } from './idempotency/idempotency-cleanup.module';
import { AuditRetentionModule } from './audit/audit-retention.module';
import { InvitesModule } from './invites/invites.module';
import { JobsModule } from './jobs/jobs.module';
import { MetricsModule } from './metrics/metrics.module';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { FirstAdministratorService } from './users/first-administrator.service';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * The application, built from an already validated configuration: main.ts
 * loads it from the environment (exiting with one clear line when it is
 * wrong), tests build it from their own overrides.
 */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [() => config],
        }),
        DiscoveryModule,
        DatabaseModule,
        MetricsModule.register(config.metrics.enabled),
        JobsModule,
        AuditModule,
        AuditRetentionModule,
        WebhooksModule,
        IdempotencyCleanupModule,
        ChangesModule,
        ApiKeysModule,
        UsersModule,
        AuthModule,
        InvitesModule,
        HealthModule,
        RateLimitModule,
        WebModule,
      ],
      providers: [
        RouteTable,
        FirstAdministratorService,
        StartupWarnings,
        // Guards run in this order: how often (429, @RateLimited() routes
        // only), who are you (401: a token, or an API key), then may you
        // (403: administrator, then an API key's scopes).
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_GUARD, useClass: CredentialsGuard },
        { provide: APP_GUARD, useClass: AdminGuard },
        { provide: APP_GUARD, useExisting: ApiKeyScopeGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useClass: ApiValidationPipe },
      ],
    };
  }
}
