import createClient from 'openapi-fetch';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createApp,
  TestApp,
} from './helpers/create-app';
import { errorBody } from './helpers/error-bodies';
import type { components, paths } from './generated/openapi';

type Invite = components['schemas']['InviteResponse'];
type Session = components['schemas']['SessionResponse'];
type ErrorResponse = components['schemas']['ErrorResponseDto'];

/**
 * A client generated from openapi.json (`npm run openapi:types`) drives a
 * whole flow over real HTTP: if the document and the service disagree, the
 * types compile but the assertions fail; if the document changes shape, the
 * file stops compiling.
 */
describe('client generated from openapi.json (e2e)', () => {
  let t: TestApp;
  let client: ReturnType<typeof createClient<paths>>;

  beforeAll(async () => {
    t = await createApp();
    client = createClient<paths>({ baseUrl: await t.listen() });
  });

  afterAll(async () => {
    await t.close();
  });

  it('logs in, creates a batch of invites, lists them, registers with one and deletes another', async () => {
    const login = await client.POST('/api/auth/login', {
      body: { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
    });
    expect(login.response.status).toBe(200);
    const session: Session | undefined = login.data;
    if (!session)
      throw new Error(`login failed: ${JSON.stringify(login.error)}`);
    expect(session.user).toEqual({
      id: expect.any(Number),
      username: ADMIN_USERNAME,
      administrator: true,
      createdAt: expect.any(String),
      inviteId: null,
    });
    const headers = { Authorization: `Bearer ${session.token}` };

    const created = await client.POST('/api/auth/invite', {
      headers,
      body: { count: 3, expiresAt: '1d' },
    });
    expect(created.response.status).toBe(200);
    const batch: Invite | Invite[] | undefined = created.data;
    if (!Array.isArray(batch)) throw new Error('count 3 must answer an array');
    expect(batch).toHaveLength(3);
    for (const invite of batch) {
      expect(invite).toEqual({
        id: expect.any(Number),
        code: expect.stringMatching(/^[A-Za-z0-9]{12}$/),
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        used: false,
        createdById: session.user.id,
        uses: 0,
        maxUses: 1,
        note: null,
        revokedAt: null,
        lastUsedAt: null,
        valid: true,
        url: `http://localhost:3000/invite/${invite.code}`,
      });
    }
    const [forRegistration, forDeletion, untouched] = batch;

    const listed = await client.GET('/api/auth/invite', { headers });
    expect(listed.response.status).toBe(200);
    const invites: Invite[] = listed.data ?? [];
    // Newest first; one transaction, one createdAt: then by id, descending.
    expect(invites.map((invite) => invite.id)).toEqual(
      batch.map((invite) => invite.id).reverse(),
    );

    const registered = await client.POST('/api/auth/register', {
      body: {
        username: 'generated-client',
        password: 'password-for-the-client',
        code: forRegistration.code,
      },
    });
    expect(registered.response.status).toBe(200);
    const newUser: Session['user'] | undefined = registered.data?.user;
    expect(newUser).toEqual({
      id: expect.any(Number),
      username: 'generated-client',
      administrator: false,
      createdAt: expect.any(String),
      inviteId: forRegistration.id,
    });

    const deleted = await client.DELETE('/api/auth/invite', {
      headers,
      params: { query: { code: forDeletion.code } },
    });
    expect(deleted.response.status).toBe(200);
    const deletedInvite: Invite | undefined = deleted.data;
    expect(deletedInvite).toEqual(forDeletion);

    const after = await client.GET('/api/auth/invite', { headers });
    expect(after.data).toEqual([
      untouched,
      {
        ...forRegistration,
        uses: 1,
        used: true,
        valid: false,
        lastUsedAt: expect.any(String) as unknown,
      },
    ]);

    const again = await client.DELETE('/api/auth/invite', {
      headers,
      params: { query: { code: forDeletion.code } },
    });
    expect(again.response.status).toBe(404);
    const notFound: ErrorResponse | undefined = again.error;
    expect(notFound).toEqual(errorBody('invite not found', 404));
  });

  it('types the request bodies the document describes', async () => {
    const login = await client.POST('/api/auth/login', {
      // @ts-expect-error the document requires a password
      body: { username: ADMIN_USERNAME },
    });
    expect(login.response.status).toBe(400);
    const error: ErrorResponse | undefined = login.error;
    expect(error).toEqual(errorBody('username and password are required', 400));
  });
});
