import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/app.setup';
import { loadConfig } from '../src/config/configuration';
import { buildOpenApiDocument } from '../src/openapi';
import { loadHttpPlatform } from '../src/http/http-platform';

/**
 * Usage: ts-node --transpile-only scripts/write-openapi.ts [--types | --check]
 *
 * (no option)  builds the OpenAPI document from the code and writes
 *              openapi.json and the client types generated from it
 * --types      writes the client types from the existing openapi.json
 * --check      writes nothing; exits 1 when either file is not what the
 *              code generates now
 *
 * No database is needed: Nest's preview mode resolves the module graph, and
 * so every controller and its decorators, without instantiating a single
 * provider, so nothing connects anywhere. The configuration is a fixed one:
 * the document does not depend on it, and the output must not depend on the
 * machine's environment either.
 */

const ROOT = resolve(__dirname, '..');
const DOCUMENT_FILE = join(ROOT, 'openapi.json');
const TYPES_FILE = join(ROOT, 'test', 'generated', 'openapi.d.ts');
const TYPES_BANNER = `/**
 * Generated from openapi.json by \`npm run openapi:types\`: do not edit.
 * \`npm run openapi:check\` fails when this file is stale.
 */
`;

async function buildDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({
    NODE_ENV: 'development',
    // Set so that loading the configuration writes no secret file.
    JWT_SECRET: 'openapi-document-only-0123456789abcdef',
  });
  const platform = await loadHttpPlatform(config.app.httpPlatform);
  const app = await NestFactory.create(
    AppModule.register(config),
    platform.createAdapter(config),
    { preview: true, logger: false, bodyParser: false, abortOnError: false },
  );
  try {
    // The same HTTP set-up as the server, so the prefix is the same too.
    configureApp(app, config, platform);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

async function prettierFormat(text: string, file: string): Promise<string> {
  const options = await resolveConfig(file);
  return format(text, { ...options, filepath: file });
}

function renderDocument(document: OpenAPIObject): Promise<string> {
  return prettierFormat(JSON.stringify(document, null, 2), DOCUMENT_FILE);
}

async function renderTypes(document: unknown): Promise<string> {
  const nodes = await openapiTS(document as OpenAPI3, { silent: true });
  return prettierFormat(TYPES_BANNER + astToString(nodes), TYPES_FILE);
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${relative(ROOT, file)}`);
}

/** Where two texts first differ, for a message a person can act on. */
function firstDifference(expected: string, actual: string): string {
  const want = expected.split('\n');
  const have = actual.split('\n');
  const line = want.findIndex((text, index) => text !== have[index]);
  const at = line === -1 ? want.length : line;
  return [
    `  first difference at line ${at + 1}:`,
    `    generated: ${want[at] ?? '(end of file)'}`,
    `    committed: ${have[at] ?? '(end of file)'}`,
  ].join('\n');
}

function stale(file: string, expected: string): string | undefined {
  const name = relative(ROOT, file);
  if (!existsSync(file)) return `${name} is missing`;
  const actual = readFileSync(file, 'utf8');
  if (actual === expected) return undefined;
  return `${name} differs from what the code generates\n${firstDifference(expected, actual)}`;
}

async function main(argv: string[]): Promise<number> {
  const mode = argv[0] ?? '--write';
  if (mode === '--types') {
    const document: unknown = JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8'));
    write(TYPES_FILE, await renderTypes(document));
    return 0;
  }
  if (mode !== '--write' && mode !== '--check') {
    console.error(
      'Usage: write-openapi.ts [--types | --check] (no option: write both)',
    );
    return 2;
  }
  const document = await buildDocument();
  const documentText = await renderDocument(document);
  const typesText = await renderTypes(document);
  if (mode === '--write') {
    write(DOCUMENT_FILE, documentText);
    write(TYPES_FILE, typesText);
    return 0;
  }
  const problems = [
    stale(DOCUMENT_FILE, documentText),
    stale(TYPES_FILE, typesText),
  ].filter((problem) => problem !== undefined);
  if (problems.length === 0) {
    console.log('openapi.json and test/generated/openapi.d.ts are up to date');
    return 0;
  }
  console.error(
    [
      'The committed OpenAPI files are stale:',
      ...problems.map((problem) => `- ${problem}`),
      'Run `npm run openapi:write` and commit the result.',
    ].join('\n'),
  );
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `write-openapi: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
