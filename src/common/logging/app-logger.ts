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
    stdout: openStream(process.stdout.fd),
    stderr: openStream(process.stderr.fd),
  };
  // Lines still queued when the process exits (process.exit, a crash) are
  // written synchronously so that none is lost.
  process.on('exit', () => {
    for (const destination of Object.values(destinations)) {
      if (closedStreams.has(destination)) continue;
      try {
        destination.flushSync();
      } catch {
        // The reader went away during the last lines: nothing left to tell.
      }
    }
  });
  return destinations;
}

/** Destinations whose reader has gone: their lines are dropped. */
const closedStreams = new WeakSet<SonicBoom>();

/**
 * EPIPE: the pipe's reader (a log shipper) has gone. The service keeps
 * serving and drops that stream's lines, instead of dying of an unhandled
 * 'error' event as it would with process.stdout.
 */
function openStream(fd: number): SonicBoom {
  const destination = new SonicBoom({ fd });
  destination.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closedStreams.add(destination);
    destination.destroy();
  });
  return destination;
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
    const destination = this.destinations[options.writeStreamType ?? 'stdout'];
    if (!closedStreams.has(destination)) destination.write(`${line}\n`);
  }
}
