import type { Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { createApp, TestApp } from '../helpers/create-app';

const SCREENSHOT = join(__dirname, '..', '..', '.tmp', 'swagger.png');
const INVITE_PATH = '/api/auth/invite';

interface Operation {
  method: string;
  path: string;
  visible: boolean;
}

/**
 * Swagger UI at /api/docs, as a person's browser shows it: it must render
 * the invite operations of the OpenAPI document under helmet's
 * Content-Security-Policy, without a console error or a CSP violation.
 */
describe('Swagger UI in Chromium (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const failedRequests: string[] = [];

  beforeAll(async () => {
    t = await createApp();
    // createApp() has already run app.init(); listen() only binds the port.
    await t.app.listen(0, '127.0.0.1');
    const { port } = (t.app.getHttpServer() as Server).address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // CSP violations also reach the console as errors, but the event names
    // the directive exactly. A string, as tsconfig.json has no DOM types.
    await page.addInitScript(`
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error('CSP violation: ' + event.effectiveDirective +
          ' blocked ' + (event.blockedURI || '(inline)'));
      });
    `);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('requestfailed', (request) =>
      failedRequests.push(
        `${request.method()} ${request.url()}: ${request.failure()?.errorText}`,
      ),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders GET, POST and DELETE /api/auth/invite with no console error', async () => {
    const response = await page.goto(`${baseUrl}/api/docs`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain(
      "default-src 'self'",
    );
    await page.waitForSelector('.opblock .opblock-summary-path', {
      state: 'visible',
      timeout: 15_000,
    });
    // Late errors (a blocked image, a failed fetch) still get to arrive.
    await page.waitForLoadState('networkidle');

    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    const operations: Operation[] = [];
    for (const block of await page.locator('.opblock').all()) {
      const method = await block.locator('.opblock-summary-method').innerText();
      const pathElement = block.locator('.opblock-summary-path');
      const path =
        (await pathElement.getAttribute('data-path')) ??
        (await pathElement.innerText()).replace(/\u200b/g, '');
      operations.push({
        method: method.trim().toUpperCase(),
        path,
        visible: await block.isVisible(),
      });
    }

    const inviteOperations = operations
      .filter((operation) => operation.path === INVITE_PATH)
      .sort((a, b) => a.method.localeCompare(b.method));
    expect(inviteOperations).toEqual([
      { method: 'DELETE', path: INVITE_PATH, visible: true },
      { method: 'GET', path: INVITE_PATH, visible: true },
      { method: 'POST', path: INVITE_PATH, visible: true },
    ]);
    // Each method's block carries Swagger UI's colour class for that method.
    for (const method of ['get', 'post', 'delete']) {
      await expect(
        page
          .locator(`.opblock-${method}`)
          .filter({ has: page.locator(`[data-path="${INVITE_PATH}"]`) })
          .count(),
      ).resolves.toBe(1);
    }

    expect({ consoleErrors, pageErrors, failedRequests }).toEqual({
      consoleErrors: [],
      pageErrors: [],
      failedRequests: [],
    });
  });
});
