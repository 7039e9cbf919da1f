import { Injectable, Logger } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

/** Where `npm run web:build` writes; the same two levels up from src/web and dist/web. */
export const WEB_DIST_DIR = join(__dirname, '..', '..', 'web', 'dist');

/** What `scripts/build-web.ts` writes next to the assets. */
export interface WebManifest {
  /** Page name → its HTML file, e.g. `console` → `console.html`. */
  pages: Record<WebPageName, string>;
  /** Every hashed file under `assets/`. */
  assets: string[];
}

export type WebPageName = 'console' | 'invite';

/** A file answered from memory, with the headers it needs. */
export interface WebFile {
  body: string;
  contentType: string;
  cacheControl: string;
}

/** Hashed names change with their content, so a browser may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The HTML names the current hashes, so it must never be reused. */
export const NO_STORE = 'no-store';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const HTML = 'text/html; charset=utf-8';

/** Said instead of the pages when the web build is missing (unit and e2e runs). */
const NOT_BUILT_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invite service</title></head>' +
  '<body><main><h1>The web pages have not been built</h1><p>Run <code>npm run build</code>.</p></main></body></html>';

/**
 * The built console and invitee page, read once at start-up and kept in
 * memory: a few tens of kilobytes, so every request is a map lookup.
 */
@Injectable()
export class WebAssets {
  private readonly logger = new Logger('WebAssets');
  private readonly pages = new Map<WebPageName, WebFile>();
  private readonly assets = new Map<string, WebFile>();

  constructor() {
    this.load(WEB_DIST_DIR);
  }

  /** Replaces what is served by the build in `dir` (tests point it elsewhere). */
  load(dir: string): void {
    this.pages.clear();
    this.assets.clear();
    const manifestPath = join(dir, 'manifest.json');
    if (!existsSync(manifestPath)) {
      this.logger.warn(
        `no web build in ${dir}: / and /invite/:code answer a placeholder page (run npm run web:build)`,
      );
      return;
    }
    const manifest = JSON.parse(
      readFileSync(manifestPath, 'utf8'),
    ) as WebManifest;
    for (const [name, file] of Object.entries(manifest.pages)) {
      this.pages.set(name as WebPageName, {
        body: readFileSync(join(dir, file), 'utf8'),
        contentType: HTML,
        cacheControl: NO_STORE,
      });
    }
    for (const file of manifest.assets) {
      const contentType = CONTENT_TYPES[extname(file)];
      if (!contentType) continue;
      this.assets.set(file, {
        body: readFileSync(join(dir, 'assets', file), 'utf8'),
        contentType,
        cacheControl: IMMUTABLE,
      });
    }
  }

  page(name: WebPageName): WebFile {
    return (
      this.pages.get(name) ?? {
        body: NOT_BUILT_PAGE,
        contentType: HTML,
        cacheControl: NO_STORE,
      }
    );
  }

  /** A hashed asset by its file name, or undefined. */
  asset(file: string): WebFile | undefined {
    return this.assets.get(file);
  }
}
