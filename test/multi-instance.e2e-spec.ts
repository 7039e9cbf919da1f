import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { Client } from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { ADMIN_PASSWORD, TEST_JWT_SECRET } from './helpers/create-app';
import { ServerProcess } from './helpers/server-process';
import { createTestDatabase, dropTestDatabase } from './helpers/test-database';

const INSTANCES = 3;
const RATE_LIMIT = 5;
/** The machine's Redis, under a key prefix of this run's own. */
const redisUrl = `redis://127.0.0.1:6379?keyPrefix=invite-service-test:${randomBytes(6).toString('hex')}:`;

/** A client address of its own for each request that must not share a budget. */
let nextAddress = 1;
const freshClient = () =>
  `10.1.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

/**
 * Three real server processes on one PostgreSQL, started at the same moment
 * on an empty database: they must agree on the schema and the first
 * administrator, and redeem invites exactly once between them.
 */
describe('several instances on one database (e2e)', () => {
  let databaseUrl: string;
  let dataDir: string;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'invite-service-instances-'));
    servers = await Promise.all(
      Array.from({ length: INSTANCES }, () =>
        ServerProcess.start({
          DATABASE_URL: databaseUrl,
          DATA_DIR: dataDir,
          JWT_SECRET: TEST_JWT_SECRET,
          ADMIN_USERNAME: 'admin',
          ADMIN_PASSWORD,
          // One shared budget for all three, per client IP as the load
          // balancer reports it in X-Forwarded-For.
          RATE_LIMIT_AUTH: String(RATE_LIMIT),
          REDIS_URL: redisUrl,
          TRUST_PROXY: '1',
        }),
      ),
    );
    await Promise.all(servers.map((server) => server.healthy()));
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await dropTestDatabase(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function query<T>(sql: string): Promise<T[]> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  it('start together on an empty database: migrations once, one first administrator', async () => {
    const migrations = await query<{ name: string }>(
      'SELECT name FROM migrations ORDER BY id',
    );
    // Every migration the app lists, each applied once, in order.
    const listed = buildDataSourceOptions({ url: '' }).migrations as Array<
      new () => { name?: string }
    >;
    expect(migrations.map((m) => m.name)).toEqual(
      listed.map((migration) => new migration().name),
    );
    const users = await query<{ username: string }>(
      'SELECT username FROM users',
    );
    expect(users).toEqual([{ username: 'admin' }]);
  });

  it.each([1, 5])(
    'let exactly %d of 60 registrations spread over the instances redeem an invite',
    async (maxUses) => {
      const login = await request(servers[0].url)
        .post('/api/auth/login')
        .set('X-Forwarded-For', freshClient())
        .send({ username: 'admin', password: ADMIN_PASSWORD })
        .expect(200);
      const invite = await request(servers[1].url)
        .post('/api/auth/invite')
        .set('Authorization', `Bearer ${login.body.token}`)
        .send({ maxUses })
        .expect(200);

      const responses = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          request(servers[i % INSTANCES].url)
            .post('/api/auth/register')
            .set('X-Forwarded-For', freshClient())
            .send({
              username: `spread${maxUses}x${i}`,
              password: 'a-long-password',
              code: invite.body.code,
            }),
        ),
      );
      const outcomes: Record<string, number> = {};
      for (const r of responses) {
        const key = r.status === 200 ? '200' : `${r.status} ${r.body.error}`;
        outcomes[key] = (outcomes[key] ?? 0) + 1;
      }
      expect(outcomes).toEqual({
        '200': maxUses,
        '400 invalid invite code': 60 - maxUses,
      });
      const winners = responses
        .filter((r) => r.status === 200)
        .map((_, i) => i);
      expect(winners).toHaveLength(maxUses);
      const [row] = await query<{ uses: number }>(
        `SELECT uses FROM invites WHERE id = ${Number(invite.body.id)}`,
      );
      expect(row.uses).toBe(maxUses);
    },
  );

  it('share one rate-limit budget per client across the instances', async () => {
    const client = freshClient();
    const attempt = (i: number) =>
      request(servers[i % INSTANCES].url)
        .post('/api/auth/login')
        .set('X-Forwarded-For', client)
        .send({ username: 'admin', password: 'wrong-password' });
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT; i += 1)
      statuses.push((await attempt(i)).status);
    expect(statuses).toEqual(Array(RATE_LIMIT).fill(401));
    for (let i = 0; i < INSTANCES; i += 1) {
      const refused = await attempt(i);
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({ error: 'too many requests', code: 429 });
    }
    // Another client still has its whole budget.
    await request(servers[0].url)
      .post('/api/auth/login')
      .set('X-Forwarded-For', freshClient())
      .send({ username: 'admin', password: ADMIN_PASSWORD })
      .expect(200);
  });
});
