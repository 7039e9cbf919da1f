import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's package; playwright-core never downloads a browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium phones home at start-up; on a closed network
  // those connections are refused and logged.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** What went wrong in a page: script errors and CSP violations. */
export interface PageProblems {
  pageErrors: string[];
  cspViolations: string[];
}

/**
 * Records uncaught errors and CSP violations. The violation event names the
 * directive exactly. A string, as tsconfig.json has no DOM types.
 */
export async function watchProblems(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { pageErrors: [], cspViolations: [] };
  await page.addInitScript(`
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error('CSP violation: ' + event.effectiveDirective +
        ' blocked ' + (event.blockedURI || '(inline)'));
    });
  `);
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('CSP ')) {
      problems.cspViolations.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  return problems;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page and returns its serious and critical
 * violations. evaluate() is not subject to the page's CSP, which would
 * refuse an injected <script>.
 */
export async function seriousAxeViolations(
  page: Page,
): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(`
    axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((node) => node.target.join(' ')),
        })),
    )
  `);
}

/** How far the page is wider than its viewport (0: no horizontal scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    `document.documentElement.scrollWidth - document.documentElement.clientWidth`,
  );
}

/**
 * Screenshots land in .tmp/screenshots; with SCREENSHOTS=docs they replace
 * the ones the README shows (docs/screenshots), so a normal run leaves the
 * work tree clean.
 */
export function screenshotPath(name: string): string {
  const dir =
    process.env.SCREENSHOTS === 'docs'
      ? join(__dirname, '..', '..', 'docs', 'screenshots')
      : join(__dirname, '..', '..', '.tmp', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
