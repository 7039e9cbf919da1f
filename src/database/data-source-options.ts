import type { DataSourceOptions } from 'typeorm';
import { ApiKey } from '../api-keys/api-key.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { IdempotencyRecord } from '../idempotency/idempotency-record.entity';
import { Invite } from '../invites/invite.entity';
import { User } from '../users/user.entity';
import { WebhookDelivery } from '../webhooks/webhook-delivery.entity';
import { Webhook } from '../webhooks/webhook.entity';
import { CreateUsers1764158400000 } from './migrations/1764158400000-CreateUsers';
import { CreateInvites1764162000000 } from './migrations/1764162000000-CreateInvites';
import { InviteLifecycle1764900000000 } from './migrations/1764900000000-InviteLifecycle';
import { SessionRevocation1796156076455 } from './migrations/1796156076455-SessionRevocation';
import { Integrations1796157562718 } from './migrations/1796157562718-Integrations';
import { IdempotencyBodyAsJson1796190508000 } from './migrations/1796190508000-IdempotencyBodyAsJson';

/** The service passes its configured bounds; the TypeORM CLI passes none. */
export interface DatabaseConnectionSettings {
  url: string;
  /** Unset: no bound. */
  connectTimeoutMs?: number;
  /** Unset: the server's own (none by default). */
  statementTimeoutMs?: number;
  poolSize?: number;
}

/**
 * The one description of the database that both the Nest app and the
 * TypeORM CLI (ormconfig.ts) use, so they can never disagree about entities
 * or migrations. Migrations are listed explicitly rather than globbed: the
 * same list works from ts-node, Jest and the compiled build.
 */
export function buildDataSourceOptions(
  settings: DatabaseConnectionSettings,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: [
      User,
      Invite,
      ApiKey,
      Webhook,
      WebhookDelivery,
      AuditEntry,
      IdempotencyRecord,
    ],
    migrations: [
      CreateUsers1764158400000,
      CreateInvites1764162000000,
      InviteLifecycle1764900000000,
      SessionRevocation1796156076455,
      Integrations1796157562718,
      IdempotencyBodyAsJson1796190508000,
    ],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: settings.poolSize ?? 10,
    extra: {
      // Bounded waits: with the database gone, a request fails fast (503)
      // instead of queueing forever for a connection.
      connectionTimeoutMillis: settings.connectTimeoutMs,
      // Opening a connection (TLS, SCRAM) is the expensive part; keep idle
      // ones for a minute rather than pg's default 10 s, so bursts find them.
      idleTimeoutMillis: 60_000,
      // The client-side bound, for a server that stopped answering without
      // closing the connection, is CheckoutWatchdog's, not pg's
      // query_timeout (see there why).
      statement_timeout: settings.statementTimeoutMs,
      idle_in_transaction_session_timeout: 10000,
      keepAlive: true,
    },
  };
}
