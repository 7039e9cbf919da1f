import { ConsoleLogger } from '@nestjs/common';
import SonicBoom from 'sonic-boom';
import type { AppConfig } from '../../config/configuration';

/** Where a JSON logger's lines go: one destination per standard stream. */
export interface LogDestinations {
  stdout: SonicBoom;
  stderr: SonicBoom;
}

/**
 * Nest's own logger: one JSON object per line in production (for log
 * shippers), coloured text everywhere else (for people).
 */
export function createAppLogger(
  nodeEnv: AppConfig['app']['nodeEnv'],
  destinations?: LogDestinations,
): ConsoleLogger {
  return nodeEnv === 'production'
    ? new JsonLinesLogger(destinations ?? standardStreams())
    : new ConsoleLogger({ colors: process.stdout.isTTY === true });
}

function standardStreams(): LogDestinations {
  const destinations = {
    stdout: new SonicBoom({ fd: process.stdout.fd }),
    stderr: new SonicBoom({ fd: process.stderr.fd }),
  };
  // Lines still queued when the process exits (process.exit, a crash) are
  // written synchronously so that none is lost.
  process.on('exit', () => {
    destinations.stdout.flushSync();
    destinations.stderr.flushSync();
  });
  return destinations;
}

/**
 * Nest's JSON lines, written asynchronously: a slow sink (a full pipe, a
 * slow disk) no longer blocks the event loop once per request for the
 * access line, and lines that arrive while a write is in flight go out
 * together in the next one.
 */
class JsonLinesLogger extends ConsoleLogger {
  constructor(private readonly destinations: LogDestinations) {
    super({ json: true, colors: false });
  }

  protected printAsJson(
    message: unknown,
    options: {
      context: string;
      logLevel: Parameters<ConsoleLogger['printAsJson']>[1]['logLevel'];
      writeStreamType?: 'stdout' | 'stderr';
      errorStack?: unknown;
    },
  ): void {
    const entry = this.getJsonLogObject(message, options);
    // Nest's guarded serializer is for objects (cycles, huge buffers); an
    // entry of strings and numbers needs none of it.
    const line =
      typeof message === 'string' &&
      typeof (options.errorStack ?? '') === 'string'
        ? JSON.stringify(entry)
        : this.stringifyJsonLogObject(entry);
    this.destinations[options.writeStreamType ?? 'stdout'].write(`${line}\n`);
  }
}
