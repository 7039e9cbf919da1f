import { ConsoleLogger } from '@nestjs/common';
import type { AppConfig } from '../../config/configuration';

/**
 * Nest's own logger: one JSON object per line in production (for log
 * shippers), coloured text everywhere else (for people).
 */
export function createAppLogger(
  nodeEnv: AppConfig['app']['nodeEnv'],
): ConsoleLogger {
  return nodeEnv === 'production'
    ? new ConsoleLogger({ json: true, colors: false })
    : new ConsoleLogger({ colors: process.stdout.isTTY === true });
}
