import request from 'supertest';
import { UsersService } from '../src/users/users.service';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createApp,
  TestApp,
} from './helpers/create-app';
import { CapturingLogger } from './helpers/capturing-logger';
import { createInvites } from './helpers/invites';

describe('logs (e2e)', () => {
  const logger = new CapturingLogger();
  let t: TestApp;

  beforeAll(async () => {
    t = await createApp({}, { logger });
  });

  afterAll(async () => {
    await t.close();
  });

  it('log every request with its id, and never a password, a token or an invite code', async () => {
    const secrets: string[] = [ADMIN_PASSWORD];
    const requestIds: string[] = [];
    const track = (response: request.Response) => {
      requestIds.push(String(response.headers['x-request-id']));
      return response;
    };

    const login = track(
      await request(t.http)
        .post('/api/auth/login')
        .send({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD })
        .expect(200),
    );
    const token = login.body.token as string;
    secrets.push(token);
    track(
      await request(t.http)
        .post('/api/auth/login')
        .send({ username: ADMIN_USERNAME, password: 'wrong-password-123' })
        .expect(401),
    );
    secrets.push('wrong-password-123');

    const invites = await createInvites(t, token, { count: 3 });
    secrets.push(...invites.map((invite) => invite.code));
    track(
      await request(t.http)
        .get('/api/auth/invite')
        .set('Authorization', `Bearer ${token}`)
        .expect(200),
    );

    const newcomerPassword = 'newcomer-password-456';
    secrets.push(newcomerPassword);
    const registered = track(
      await request(t.http)
        .post('/api/auth/register')
        .send({
          username: 'newcomer',
          password: newcomerPassword,
          code: invites[0].code,
        })
        .expect(200),
    );
    secrets.push(registered.body.token as string);
    track(
      await request(t.http)
        .post('/api/auth/register')
        .send({
          username: 'other',
          password: newcomerPassword,
          code: invites[0].code,
        })
        .expect(400),
    );
    // The invitee's page and its lookup name the code in the path and query.
    track(await request(t.http).get(`/invite/${invites[2].code}`).expect(200));
    track(
      await request(t.http)
        .get(`/api/auth/register/invite?code=${invites[2].code}`)
        .expect(200),
    );
    track(
      await request(t.http)
        .delete(`/api/auth/invite?code=${invites[1].code}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200),
    );
    track(
      await request(t.http)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${token}x`)
        .expect(401),
    );

    // An unexpected error is logged with its stack: still no secret in it.
    const spy = jest
      .spyOn(t.app.get(UsersService), 'findSignedIn')
      .mockRejectedValueOnce(new Error('boom'));
    track(
      await request(t.http)
        .get('/api/auth/me')
        .set('Authorization', `Bearer ${token}`)
        .expect(500),
    );
    spy.mockRestore();

    const log = logger.lines.join('\n');
    for (const id of requestIds) expect(log).toContain(id);
    expect(log).toContain('DELETE /api/auth/invite 200');
    expect(log).toContain('GET /invite/:code 200');
    expect(log).toMatch(/error .*boom/);
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
