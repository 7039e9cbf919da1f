import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Set by the global setup: the server every e2e test creates its databases on. */
export const TEST_SERVER_URL_VARIABLE = 'INVITE_SERVICE_TEST_SERVER_URL';

/**
 * Refuses any database whose name lacks "test": the suite creates and drops
 * databases, and must never be pointed at real data by a stray DATABASE_URL.
 */
export function assertTestDatabaseUrl(url: string): void {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!name.toLowerCase().includes('test')) {
    throw new Error(
      `Refusing to run the tests against the database "${name}": its name must contain "test"`,
    );
  }
}

function serverUrl(): string {
  const url = process.env[TEST_SERVER_URL_VARIABLE];
  if (!url) throw new Error('the e2e global setup did not run');
  return url;
}

function withDatabase(url: string, database: string): string {
  const copy = new URL(url);
  copy.pathname = `/${database}`;
  return copy.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({
    connectionString: withDatabase(serverUrl(), 'postgres'),
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database for one app, named after the configured test
 * database, so test files running in parallel never see each other's rows.
 */
export async function createTestDatabase(): Promise<string> {
  const base = new URL(serverUrl()).pathname.replace(/^\//, '');
  const name = `${base}_${randomBytes(5).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  return withDatabase(serverUrl(), name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.replace(/^\//, '');
  assertTestDatabaseUrl(url);
  await admin((client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}
