import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import request from 'supertest';
import {
  horizontalOverflow,
  launchChromium,
  PageProblems,
  screenshotPath,
  seriousAxeViolations,
  watchProblems,
} from '../helpers/browser';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createApp,
  TestApp,
} from '../helpers/create-app';
import { freePort } from '../helpers/server-process';

const INVITES = '/api/auth/invite';
const DAY_MS = 24 * 60 * 60 * 1000;

interface Session {
  t: TestApp;
  baseUrl: string;
  page: Page;
  problems: PageProblems;
  close(): Promise<void>;
}

/**
 * Boots the service on a known port, so PUBLIC_URL (the invite links)
 * points at it, and opens one Chromium page with clipboard access.
 */
async function openSession(env: Record<string, string> = {}): Promise<Session> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await createApp({ PUBLIC_URL: baseUrl, ...env });
  await t.app.listen(port, '127.0.0.1');
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
      baseURL: baseUrl,
    });
    const page = await context.newPage();
    // Every wait is for a signal; this only bounds how long a failure takes.
    page.setDefaultTimeout(10_000);
    const problems = await watchProblems(page);
    const opened = browser;
    return {
      t,
      baseUrl,
      page,
      problems,
      async close() {
        await opened.close();
        await t.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await t.close();
    throw error;
  }
}

/** axe and the 360 px check for the page in its current state. */
async function expectAccessibleAndNarrow(page: Page, state: string) {
  expect({ state, violations: await seriousAxeViolations(page) }).toEqual({
    state,
    violations: [],
  });
  const wide = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 780 });
  try {
    expect({ state, overflow: await horizontalOverflow(page) }).toEqual({
      state,
      overflow: 0,
    });
  } finally {
    if (wide) await page.setViewportSize(wide);
  }
}

async function logIn(page: Page) {
  await page.goto('/');
  await page.getByLabel('Username').fill(ADMIN_USERNAME);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
}

function row(page: Page, code: string) {
  return page.locator(`table.invites tr[data-code="${code}"]`);
}

/**
 * The administrators' console (GET /) in Chromium, against the real service:
 * every step goes through the page and is then checked through the API.
 */
describe('Console in Chromium (browser)', () => {
  let session: Session;
  let t: TestApp;
  let baseUrl: string;
  let page: Page;
  let token: string;
  let created: string[] = [];

  const api = () => ({
    get: (path: string) =>
      request(t.http).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string) =>
      request(t.http).post(path).set('Authorization', `Bearer ${token}`),
  });

  beforeAll(async () => {
    session = await openSession();
    ({ t, baseUrl, page } = session);
    token = await t.adminToken();
  });

  afterAll(() => session?.close());

  afterEach(() => {
    expect(session.problems).toEqual({ pageErrors: [], cspViolations: [] });
  });

  it('serves the console as uncached HTML whose hashed assets are cached for a year', async () => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('no-store');
    const assets: string[] = await page.evaluate(
      `[...document.querySelectorAll('script[src], link[rel=stylesheet], link[rel=modulepreload]')].map((e) => e.getAttribute('src') || e.getAttribute('href'))`,
    );
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/assets\/[\w-]+-[A-Z0-9]{8}\.(js|css)$/);
      const answer = await request(t.http).get(asset).expect(200);
      expect(answer.headers['cache-control']).toBe(
        'public, max-age=31536000, immutable',
      );
    }
  });

  it('keeps a user who is not an administrator at the login form, saying why', async () => {
    const { user, password } = await t.createUser();
    await page.goto('/');
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('This console is for administrators').waitFor();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await expect(
      page.evaluate(`sessionStorage.getItem('invite-service.session')`),
    ).resolves.toBeNull();
  });

  it('logs in, showing the API sentence for a wrong password first', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await expectAccessibleAndNarrow(page, 'login');
    await page.screenshot({ path: screenshotPath('login') });
    await page.getByLabel('Username').fill(ADMIN_USERNAME);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('invalid username or password').waitFor();

    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Create invites' }).waitFor();
    const stored: string | null = await page.evaluate(
      `sessionStorage.getItem('invite-service.session')`,
    );
    expect(stored).toContain('"token"');
  });

  it('creates 3 invites expiring in 7 days with a note, showing their codes and links at once', async () => {
    await page.getByLabel('How many').fill('3');
    await page.getByLabel('Expires').selectOption('7d');
    await page.getByLabel('Note (optional)').fill('for the book club');
    const before = Date.now();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'Created 3 invites' }).waitFor();

    created = await page.locator('.created-list code').allInnerTexts();
    expect(created).toHaveLength(3);
    for (const code of created) {
      const { body } = await api().get(`${INVITES}?code=${code}`).expect(200);
      expect(body).toHaveLength(1);
      expect(body[0].note).toBe('for the book club');
      const expiresIn = Date.parse(body[0].expiresAt) - before;
      expect(expiresIn).toBeGreaterThan(7 * DAY_MS - 60_000);
      expect(expiresIn).toBeLessThan(7 * DAY_MS + 60_000);
      await expect(
        page.locator('.created-list a', { hasText: body[0].url }).count(),
      ).resolves.toBe(1);
      await row(page, code).waitFor();
    }
    await expectAccessibleAndNarrow(page, 'console with new invites');
    await page.screenshot({ path: screenshotPath('console'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessibleAndNarrow(page, 'console, dark scheme');
    await page.screenshot({ path: screenshotPath('console-dark') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: screenshotPath('console-360') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('copies a link to the clipboard', async () => {
    const code = created[0];
    const url = `${baseUrl}/invite/${code}`;
    await row(page, code)
      .getByRole('button', { name: `Copy link of ${code}` })
      .click();
    await row(page, code).getByText('Copied').waitFor();
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(
      url,
    );
  });

  it('shows a QR code that decodes to the link, in a dialog that returns focus', async () => {
    const code = created[0];
    const opener = row(page, code).getByRole('button', {
      name: `QR code of ${code}`,
    });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: `QR code of ${code}` });
    await dialog.waitFor();
    await expectAccessibleAndNarrow(page, 'QR dialog');
    await page.screenshot({ path: screenshotPath('console-qr') });

    const png = PNG.sync.read(await dialog.locator('svg.qr').screenshot());
    const decoded = jsQR(
      new Uint8ClampedArray(
        png.data.buffer,
        png.data.byteOffset,
        png.data.length,
      ),
      png.width,
      png.height,
    );
    expect(decoded?.data).toBe(`${baseUrl}/invite/${code}`);

    // The modal keeps focus inside: Tab from the last control stays in it.
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
    await expect(
      page.evaluate(`!!document.activeElement.closest('dialog')`),
    ).resolves.toBe(true);
    // Focus is read as the dialog leaves the DOM, not some time after: a
    // screen reader would announce whatever holds it in between.
    await page.evaluate(`window.focusAtRemoval = new Promise((resolve) => {
      new MutationObserver((records, observer) => {
        const removed = records.some((record) =>
          [...record.removedNodes].some((node) => node.nodeName === 'DIALOG'));
        if (!removed) return;
        observer.disconnect();
        const focused = document.activeElement;
        resolve([focused.closest('tr')?.dataset.code, focused.getAttribute('aria-label')]);
      }).observe(document.body, { childList: true, subtree: true });
    }); undefined`);
    await page.keyboard.press('Escape');
    await expect(page.evaluate('window.focusAtRemoval')).resolves.toEqual([
      code,
      `QR code of ${code}`,
    ]);
  });

  it('edits max uses', async () => {
    const code = created[1];
    await row(page, code)
      .getByRole('button', { name: `Edit ${code}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Edit ${code}` });
    await dialog.getByLabel('Max uses').fill('5');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row(page, code).getByText('0 / 5').waitFor();
    const { body } = await api().get(`${INVITES}?code=${code}`).expect(200);
    expect(body[0].maxUses).toBe(5);
  });

  it('shows the API sentence next to the field when an edit is refused', async () => {
    const code = created[1];
    await row(page, code)
      .getByRole('button', { name: `Edit ${code}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Edit ${code}` });
    await dialog.getByLabel('Max uses').fill('0');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('invalid maxUses').waitFor();
    await expect(
      dialog.getByLabel('Max uses').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expectAccessibleAndNarrow(page, 'edit dialog with an error');
    await page.screenshot({ path: screenshotPath('console-edit') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('revokes, then unrevokes', async () => {
    const code = created[1];
    const status = row(page, code).locator('.status');
    await row(page, code)
      .getByRole('button', { name: `Revoke ${code}` })
      .click();
    await row(page, code).getByText('revoked', { exact: true }).waitFor();
    let { body } = await api().get(`${INVITES}?code=${code}`).expect(200);
    expect(body[0].revokedAt).not.toBeNull();

    await row(page, code)
      .getByRole('button', { name: `Unrevoke ${code}` })
      .click();
    await row(page, code).getByText('valid', { exact: true }).waitFor();
    await expect(status.innerText()).resolves.toBe('valid');
    ({ body } = await api().get(`${INVITES}?code=${code}`).expect(200));
    expect(body[0].revokedAt).toBeNull();
  });

  it('deletes only after the confirmation', async () => {
    const code = created[2];
    const open = () =>
      row(page, code)
        .getByRole('button', { name: `Delete ${code}` })
        .click();
    const dialog = page.getByRole('dialog', { name: `Delete ${code}?` });

    await open();
    await expectAccessibleAndNarrow(page, 'delete confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await api()
      .get(`${INVITES}?code=${code}`)
      .expect(200, /"code"/);

    await open();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await row(page, code).waitFor({ state: 'detached' });
    const { body } = await api().get(`${INVITES}?code=${code}`).expect(200);
    expect(body).toEqual([]);
  });

  it('filters to valid invites', async () => {
    const { body: revoked } = await api()
      .post(INVITES)
      .send({ note: 'revoked before the filter' })
      .expect(200);
    await api().post(`${INVITES}/${revoked.id}/revoke`).expect(200);
    await page.reload();
    await row(page, revoked.code).waitFor();

    const listed = page.waitForResponse(
      (response) =>
        response.url().includes(`${INVITES}?`) &&
        new URL(response.url()).searchParams.get('valid') === 'true',
    );
    await page.getByLabel('Status').selectOption('valid');
    expect((await listed).status()).toBe(200);
    await row(page, revoked.code).waitFor({ state: 'detached' });
    const statuses = await page
      .locator('table.invites .status')
      .allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['valid']));
    await page.getByLabel('Status').selectOption('all');
  });

  it('pages through 120 invites', async () => {
    await api().post(INVITES).send({ count: 100 }).expect(200);
    await api().post(INVITES).send({ count: 20 }).expect(200);
    const { body: all } = await api().get(`${INVITES}?limit=1000`).expect(200);
    expect(all.length).toBeGreaterThanOrEqual(120);

    await page.reload();
    await page.getByLabel('Per page').selectOption('50');
    // "Page 1" is also the reload's page of the default size: wait for the
    // fiftieth row, or the first read could take that page's rows.
    await page.locator('table.invites tbody tr').nth(49).waitFor();
    const seen: string[] = [];
    for (let pageNumber = 1; ; pageNumber += 1) {
      await page.getByText(`Page ${pageNumber}`, { exact: true }).waitFor();
      await page.locator('table.invites tbody tr').first().waitFor();
      const codes = await page
        .locator('table.invites tbody tr')
        .evaluateAll((rows) =>
          rows.map(
            (r) => (r as unknown as { dataset: { code: string } }).dataset.code,
          ),
        );
      seen.push(...codes);
      const next = page.getByRole('button', { name: 'Next page' });
      if (await next.isDisabled()) break;
      const [firstBefore] = codes;
      await next.click();
      await row(page, firstBefore).waitFor({ state: 'detached' });
    }
    expect(seen).toEqual((all as { code: string }[]).map((i) => i.code));
    await expectAccessibleAndNarrow(page, 'last page of the list');
  });

  it('logs out when the API answers 401', async () => {
    await page.evaluate(`(() => {
      const session = JSON.parse(sessionStorage.getItem('invite-service.session'));
      session.token = 'expired.or.forged';
      sessionStorage.setItem('invite-service.session', JSON.stringify(session));
    })()`);
    await page.reload();
    await page.getByText('Your session has ended. Log in again.').waitFor();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await expect(
      page.evaluate(`sessionStorage.getItem('invite-service.session')`),
    ).resolves.toBeNull();
  });
});

/**
 * The invitee's page (GET /invite/<code>): who invited them, registering,
 * and the one "not valid" page for any code that cannot be redeemed.
 */
describe('Invitee page in Chromium (browser)', () => {
  let session: Session;
  let t: TestApp;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    session = await openSession();
    ({ t, page } = session);
    token = await t.adminToken();
  });

  afterAll(() => session?.close());

  afterEach(() => {
    expect(session.problems).toEqual({ pageErrors: [], cspViolations: [] });
  });

  async function createInvite(body: Record<string, unknown>) {
    const { body: invite } = await request(t.http)
      .post(INVITES)
      .set('Authorization', `Bearer ${token}`)
      .send(body)
      .expect(200);
    return invite as { code: string; url: string; id: number };
  }

  async function fillForm(
    username: string,
    password: string,
    repeat = password,
  ) {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Password again').fill(repeat);
    await page.getByRole('button', { name: 'Create account' }).click();
  }

  it('shows the inviter, registers and ends logged in; the used-up link is then not valid', async () => {
    const invite = await createInvite({ expiresAt: '3d', maxUses: 1 });
    const response = await page.goto(new URL(invite.url).pathname);
    // As if the link was opened in the console's tab: its session must stay.
    const consoleSession = JSON.stringify({ token: 'the administrator' });
    await page.evaluate(
      `sessionStorage.setItem('invite-service.session', ${JSON.stringify(consoleSession)})`,
    );
    expect(response?.headers()['cache-control']).toBe('no-store');
    await page
      .getByRole('heading', { name: `${ADMIN_USERNAME} invited you` })
      .waitFor();
    await page
      .getByText(/This invite is valid until .+ and can be used 1 more time\./)
      .waitFor();
    await page.getByText('1 to 64 characters').waitFor();
    await page.getByText('8 to 256 characters.').waitFor();
    await expectAccessibleAndNarrow(page, 'invitee form');
    await page.screenshot({ path: screenshotPath('invite'), fullPage: true });

    await fillForm('newcomer.one', 'a long enough password');
    await page
      .getByRole('heading', { name: 'Welcome, newcomer.one' })
      .waitFor();
    await page.getByText('you are logged in').waitFor();
    await expectAccessibleAndNarrow(page, 'registered');
    await page.screenshot({ path: screenshotPath('invite-success') });
    const session = JSON.parse(
      await page.evaluate(
        `sessionStorage.getItem('invite-service.invitee-session')`,
      ),
    ) as { token: string };
    await expect(
      page.evaluate(`sessionStorage.getItem('invite-service.session')`),
    ).resolves.toBe(consoleSession);
    const me = await request(t.http)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${session.token}`)
      .expect(200);
    expect(me.body).toMatchObject({
      username: 'newcomer.one',
      inviteId: invite.id,
    });

    await page.reload();
    await page
      .getByRole('heading', { name: 'This invite is not valid' })
      .waitFor();
    await expectAccessibleAndNarrow(page, 'not valid');
    await page.screenshot({ path: screenshotPath('invite-not-valid') });
  });

  it('gives the same not-valid page for an unknown or revoked code', async () => {
    const revoked = await createInvite({});
    await request(t.http)
      .post(`${INVITES}/${revoked.id}/revoke`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    for (const code of ['NoSuchCode123', revoked.code]) {
      await page.goto(`/invite/${code}`);
      await page
        .getByRole('heading', { name: 'This invite is not valid' })
        .waitFor();
    }
  });

  it('reports a taken username and a short password inline, and consumes nothing', async () => {
    const invite = await createInvite({ maxUses: 1 });
    await page.goto(`/invite/${invite.code}`);
    await page.getByRole('heading', { name: /invited you$/ }).waitFor();

    await fillForm('someone', 'short');
    await page.getByText('invalid password').waitFor();
    await expect(
      page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid'),
    ).resolves.toBe('true');

    await fillForm(ADMIN_USERNAME, 'a long enough password');
    await page.getByText('username already exists').waitFor();
    await expect(
      page.getByLabel('Username').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expectAccessibleAndNarrow(page, 'taken username');
    const { body } = await request(t.http)
      .get(`${INVITES}?code=${invite.code}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(body[0].uses).toBe(0);
  });
});

/** INVITES_ENABLED=false: both pages say so instead of failing. */
describe('Pages with invites disabled (browser)', () => {
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    session = await openSession({ INVITES_ENABLED: 'false' });
    ({ page } = session);
  });

  afterAll(() => session?.close());

  it('shows the console\'s "invites are disabled" state', async () => {
    await logIn(page);
    await page.getByRole('heading', { name: 'Invites are disabled' }).waitFor();
    await expect(
      page.getByRole('heading', { name: 'Create invites' }).count(),
    ).resolves.toBe(0);
    await expectAccessibleAndNarrow(page, 'console, invites disabled');
    await page.screenshot({ path: screenshotPath('console-disabled') });
  });

  it('shows the invitee page\'s "invites are disabled" state', async () => {
    await page.goto('/invite/AnyCode12345');
    await page.getByRole('heading', { name: 'Invites are disabled' }).waitFor();
    await expectAccessibleAndNarrow(page, 'invitee, invites disabled');
    expect(session.problems).toEqual({ pageErrors: [], cspViolations: [] });
  });
});

/** RATE_LIMIT_AUTH=2: the lookup and one registration use it up. */
describe('Invitee page under a rate limit (browser)', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession({ RATE_LIMIT_AUTH: '2' });
  });

  afterAll(() => session?.close());

  it('reports "too many requests" next to the submit button', async () => {
    const { t, page } = session;
    const { body: invite } = await request(t.http)
      .post(INVITES)
      .set('Authorization', `Bearer ${await t.adminToken()}`)
      .send({})
      .expect(200);
    await page.goto(`/invite/${(invite as { code: string }).code}`);
    await page.getByRole('heading', { name: /invited you$/ }).waitFor();
    await page.getByLabel('Username').fill(ADMIN_USERNAME);
    await page.getByLabel('Password', { exact: true }).fill('long enough 1');
    await page.getByLabel('Password again').fill('long enough 1');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('username already exists').waitFor();

    await page.getByLabel('Username').fill('too.fast');
    await page.getByRole('button', { name: 'Create account' }).click();
    const refusal = page.locator('form .actions + .error');
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toBe('too many requests');
    await expectAccessibleAndNarrow(page, 'rate limited');
    expect(session.problems).toEqual({ pageErrors: [], cspViolations: [] });
  });
});
