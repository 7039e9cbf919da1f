import type { Config } from 'jest';
import base from './jest.config';

/**
 * `npm run test:browser`: specs that drive Debian's Chromium
 * (/usr/bin/chromium) through playwright-core. Kept out of jest.config.ts so
 * that `npm test` needs only Node; same PostgreSQL setup and teardown.
 */
const config: Config = {
  testTimeout: base.testTimeout,
  globalSetup: base.globalSetup,
  globalTeardown: base.globalTeardown,
  displayName: 'browser',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
};

export default config;
