import { existsSync } from 'node:fs';
import { AppConfig, loadConfig } from './configuration';
import { ConfigValidationError } from './env.validation';

/**
 * Reads `.env` from the working directory. Variables already in the
 * environment win, so calling this twice changes nothing.
 */
export function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

/**
 * The configuration as every entry point (server, CLI, migration scripts)
 * reads it, so they all find the same database. A wrong setting exits with
 * one line naming the variable and code 1: no stack trace.
 */
export function loadConfigOrExit(): AppConfig {
  loadDotEnv();
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(`Invalid configuration: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
