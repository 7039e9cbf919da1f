import type { Config } from 'jest';

const transform: Config['transform'] = {
  '^.+\\.ts$': 'ts-jest',
};

const config: Config = {
  testTimeout: 60_000,
  // One PostgreSQL for the whole run: DATABASE_URL (whose name must contain
  // "test") or an embedded server in a fresh temporary folder.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
    },
  ],
};

export default config;
