/**
 * `npm run web:build`: bundles web/ (the console and the invitee page) with
 * esbuild into web/dist — hashed assets, one HTML file per page and a
 * manifest that src/web reads at start-up — then measures the console's
 * JS + CSS gzipped and fails above the budget. `--size` only measures.
 */
import { build, Metafile } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'web', 'dist');
const ASSETS = join(OUT, 'assets');
/** The budget for everything the console page loads. */
const CONSOLE_BUDGET_GZIP = 80 * 1024;

const PAGES = {
  console: { entry: 'web/src/console/main.tsx', title: 'Invites' },
  invite: { entry: 'web/src/invite/main.tsx', title: 'Invitation' },
} as const;
type PageName = keyof typeof PAGES;

interface Manifest {
  pages: Record<PageName, string>;
  assets: string[];
  /** The files each page loads, for the size check. */
  loads: Record<PageName, string[]>;
}

async function bundle(): Promise<Manifest> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(ASSETS, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(
      Object.entries(PAGES).map(([name, page]) => [name, page.entry]),
    ),
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: ASSETS,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const assets = Object.keys(result.metafile.outputs).map((file) =>
    basename(file),
  );
  const pages = {} as Record<PageName, string>;
  const loads = {} as Record<PageName, string[]>;
  for (const name of Object.keys(PAGES) as PageName[]) {
    const [script, output] = entryOutput(result.metafile, PAGES[name].entry);
    const css = output.cssBundle ? basename(output.cssBundle) : undefined;
    const chunks = output.imports
      .filter((imported) => imported.kind === 'import-statement')
      .map((imported) => basename(imported.path));
    loads[name] = [basename(script), ...chunks, ...(css ? [css] : [])];
    pages[name] = `${name}.html`;
    writeFileSync(
      join(OUT, pages[name]),
      html(PAGES[name].title, basename(script), chunks, css),
    );
  }
  const manifest: Manifest = { pages, assets, loads };
  writeFileSync(
    join(OUT, 'manifest.json'),
    JSON.stringify(manifest, null, 2) + '\n',
  );
  return manifest;
}

function entryOutput(
  metafile: Metafile,
  entry: string,
): [string, Metafile['outputs'][string]] {
  const found = Object.entries(metafile.outputs).find(
    ([, output]) => output.entryPoint === entry,
  );
  if (!found) throw new Error(`esbuild wrote no output for ${entry}`);
  return found;
}

/** No inline script or style: the CSP allows only 'self' scripts. */
function html(
  title: string,
  script: string,
  chunks: string[],
  css: string | undefined,
): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${title}</title>`,
    // An empty icon: no /favicon.ico request answered with a 404.
    '<link rel="icon" href="data:,">',
    ...(css ? [`<link rel="stylesheet" href="/assets/${css}">`] : []),
    ...chunks.map(
      (chunk) => `<link rel="modulepreload" href="/assets/${chunk}">`,
    ),
    `<script type="module" src="/assets/${script}"></script>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    '<noscript><p>This page needs JavaScript.</p></noscript>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function measure(manifest: Manifest): boolean {
  let ok = true;
  for (const [page, files] of Object.entries(manifest.loads)) {
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const content = readFileSync(join(ASSETS, file));
      raw += content.length;
      gzip += gzipSync(content, { level: 9 }).length;
    }
    const overBudget = page === 'console' && gzip > CONSOLE_BUDGET_GZIP;
    if (overBudget) ok = false;
    console.log(
      `${page}: ${files.length} files, ${kB(raw)} raw, ${kB(gzip)} gzipped` +
        (page === 'console'
          ? ` (budget ${kB(CONSOLE_BUDGET_GZIP)}${overBudget ? ': OVER' : ''})`
          : ''),
    );
  }
  return ok;
}

function kB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

async function main(): Promise<void> {
  const manifest = process.argv.includes('--size')
    ? (JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8')) as Manifest)
    : await bundle();
  console.log(`web build in ${relative(ROOT, OUT)}:`);
  if (!measure(manifest)) {
    console.error('the console is over its size budget');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
