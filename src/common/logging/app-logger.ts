import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { AppConfig } from '../../config/configuration';
import { LineBatcher } from './line-batcher';

type JsonPrintOptions = {
  context: string;
  logLevel: LogLevel;
  writeStreamType?: 'stdout' | 'stderr';
  errorStack?: unknown;
};

/**
 * Nest's JSON lines, unchanged, but written in batches (see LineBatcher):
 * the access log adds a line per request.
 */
export class BatchedJsonLogger extends ConsoleLogger {
  private readonly stdout = new LineBatcher((text) =>
    process.stdout.write(text),
  );
  private readonly stderr = new LineBatcher((text) =>
    process.stderr.write(text),
  );

  constructor() {
    super({ json: true, colors: false });
    process.once('exit', () => this.flush());
  }

  /** Writes every pending line now. */
  flush(): void {
    this.stdout.flush();
    this.stderr.flush();
  }

  protected printAsJson(message: unknown, options: JsonPrintOptions): void {
    const line = this.stringifyJsonLogObject(
      this.getJsonLogObject(message, options),
    );
    const batcher =
      options.writeStreamType === 'stderr' ? this.stderr : this.stdout;
    batcher.add(`${line}\n`);
  }
}

/**
 * Nest's own logger: one JSON object per line in production (for log
 * shippers), coloured text everywhere else (for people).
 */
export function createAppLogger(
  nodeEnv: AppConfig['app']['nodeEnv'],
): ConsoleLogger {
  return nodeEnv === 'production'
    ? new BatchedJsonLogger()
    : new ConsoleLogger({ colors: process.stdout.isTTY === true });
}
