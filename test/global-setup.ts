import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../src/database/embedded-database';
import { probeRedis } from './helpers/redis';
import {
  assertTestDatabaseUrl,
  TEST_SERVER_URL_VARIABLE,
} from './helpers/test-database';

declare global {
  var embeddedTestDatabase:
    { database: EmbeddedDatabase; dir: string } | undefined;
}

/**
 * Provides the PostgreSQL server for the e2e tests: DATABASE_URL when set
 * (its database name must contain "test"), otherwise an embedded server in
 * a fresh 0755 folder under the OS temp dir, which the `postgres` user can
 * enter even when the checkout itself sits in a 0700 folder such as /root.
 */
export default async function globalSetup(): Promise<void> {
  await probeRedis();
  const configured = process.env.DATABASE_URL;
  if (configured) {
    assertTestDatabaseUrl(configured);
    process.env[TEST_SERVER_URL_VARIABLE] = configured;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'invite-service-test-'));
  chmodSync(dir, 0o755);
  const database = await EmbeddedDatabase.start({
    dataDir: dir,
    log: () => undefined,
  });
  globalThis.embeddedTestDatabase = { database, dir };
  process.env[TEST_SERVER_URL_VARIABLE] = database.urlFor(
    'invite_service_test',
  );
}
