import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { ADMIN_PASSWORD, TEST_JWT_SECRET } from './helpers/create-app';
import { ServerProcess } from './helpers/server-process';
import { createTestDatabase, dropTestDatabase } from './helpers/test-database';
import { WebhookReceiver } from './helpers/webhook-receiver';

jest.setTimeout(240_000);

/**
 * Real server processes on one database: deliveries are shared by the
 * instances through the job queue, and survive a crash between the commit
 * of a change and the delivery of its event.
 */
describe('webhook delivery across processes (e2e)', () => {
  let databaseUrl: string;
  let dataDir: string;
  const servers: ServerProcess[] = [];
  const receivers: WebhookReceiver[] = [];
  let token: string;

  const start = async (env: Record<string, string> = {}) => {
    const server = await ServerProcess.start({
      ...env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      JWT_SECRET: TEST_JWT_SECRET,
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD,
      RATE_LIMIT_AUTH: '0',
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      WEBHOOKS_RETRY_DELAY: '1',
    });
    servers.push(server);
    await server.healthy();
    return server;
  };

  const subscribe = async (
    server: ServerProcess,
    receiver: WebhookReceiver,
  ) => {
    const response = await request(server.url)
      .post('/api/webhooks')
      .set('Authorization', `Bearer ${token}`)
      .send({ url: receiver.url, events: ['invite.created'] })
      .expect(200);
    const webhook = response.body as { id: number; secret: string };
    receiver.secret = webhook.secret;
    return webhook.id;
  };

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'invite-service-webhooks-'));
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await dropTestDatabase(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('with two instances, delivers each event once to each webhook', async () => {
    const [first, second] = [await start(), await start()];
    const login = await request(first.url)
      .post('/api/auth/login')
      .send({ username: 'admin', password: ADMIN_PASSWORD })
      .expect(200);
    token = (login.body as { token: string }).token;
    const [one, two] = await Promise.all([
      WebhookReceiver.start(),
      WebhookReceiver.start(),
    ]);
    receivers.push(one, two);
    const ids = [await subscribe(first, one), await subscribe(second, two)];

    await Promise.all(
      [first, second].map((server) =>
        request(server.url)
          .post('/api/auth/invite')
          .set('Authorization', `Bearer ${token}`)
          .send({ count: 10 })
          .expect(200),
      ),
    );
    await Promise.all(
      [one, two].map((receiver) =>
        receiver.waitFor(() => receiver.verifiedIds().size >= 20, 60_000),
      ),
    );
    // The log says every job finished: nothing more is on its way.
    for (const id of ids) {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const log = await request(first.url)
          .get(`/api/webhooks/${id}/deliveries`)
          .set('Authorization', `Bearer ${token}`)
          .expect(200);
        if ((log.body as unknown[]).length >= 20) {
          expect(log.body).toHaveLength(20);
          break;
        }
        if (Date.now() > deadline) throw new Error('delivery log incomplete');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    for (const receiver of [one, two]) {
      expect(receiver.received).toHaveLength(20);
      expect(receiver.verifiedIds().size).toBe(20);
    }
    // Both receivers got the same events: each event went to each webhook.
    expect([...one.verifiedIds()].sort()).toEqual(
      [...two.verifiedIds()].sort(),
    );
    await Promise.all(
      ids.map((id) =>
        request(first.url)
          .delete(`/api/webhooks/${id}`)
          .set('Authorization', `Bearer ${token}`)
          .expect(200),
      ),
    );
  });

  it('delivers after a restart an event whose server was killed mid-delivery', async () => {
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    // Only the survivor of the previous test stays; one process is killed below.
    await Promise.all(servers.splice(1).map((server) => server.stop()));
    const [server] = servers;
    const webhookId = await subscribe(server, receiver);
    receiver.answer = () => null; // hold the first attempt: the kill comes mid-delivery

    await request(server.url)
      .post('/api/auth/invite')
      .set('Authorization', `Bearer ${token}`)
      .send({})
      .expect(200);
    await receiver.waitFor((received) => received.length >= 1);
    server.child.kill('SIGKILL');
    await server.exited;
    servers.splice(0);
    receiver.answer = () => 204;

    const restarted = await start();
    const eventId = String(receiver.received[0].headers['webhook-id']);
    await receiver.waitFor(
      (received) =>
        received.filter(
          (event) => event.verified && event.headers['webhook-id'] === eventId,
        ).length >= 2,
      120_000,
    );
    const deadline = Date.now() + 30_000;
    for (;;) {
      const log = await request(restarted.url)
        .get(`/api/webhooks/${webhookId}/deliveries`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      const rows = log.body as Array<{ eventId: string; status: string }>;
      if (rows.some((row) => row.status === 'delivered')) {
        expect(rows[0]).toMatchObject({ eventId, status: 'delivered' });
        break;
      }
      if (Date.now() > deadline) throw new Error(JSON.stringify(rows));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  it('with WEBHOOKS_WORKER=false records events and leaves their delivery to a worker instance', async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    const recorder = await start({ WEBHOOKS_WORKER: 'false' });
    expect(recorder.output).toContain('WEBHOOKS_WORKER=false');
    const receiver = await WebhookReceiver.start();
    receivers.push(receiver);
    await subscribe(recorder, receiver);
    const { body: invites } = await request(recorder.url)
      .post('/api/auth/invite')
      .set('Authorization', `Bearer ${token}`)
      .send({ count: 2 })
      .expect(200);

    // The batch's fan-out job is committed, and nobody takes it.
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ state: string }>(
        `SELECT state FROM pgboss.job WHERE name = 'webhook-fanout'
           AND data->'created'->'ids'->>0 = $1`,
        [String((invites as Array<{ id: number }>)[0].id)],
      );
      expect(rows).toEqual([{ state: 'created' }]);
    } finally {
      await db.end();
    }
    expect(receiver.received).toHaveLength(0);

    await start();
    await receiver.waitFor((received) => received.length >= 2, 60_000);
    expect(
      receiver.received
        .map((event) => (event.body as { data: { id: number } }).data.id)
        .sort((a, b) => a - b),
    ).toEqual((invites as Array<{ id: number }>).map((invite) => invite.id));
  });
});
