import { ConsoleLogger } from '@nestjs/common';
import SonicBoom from 'sonic-boom';
import type { AppConfig } from '../../config/configuration';
import { compileJson } from '../../http/fast-json-response';

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
    stdout: openStream(process.stdout.fd, STDOUT_BATCH),
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
 * At most this much text waits for a reader that is alive but not reading
 * (a stalled log shipper); later lines are dropped, and counted, rather
 * than growing the heap until the service dies.
 */
const MAX_QUEUED_BYTES = 16 * 1024 * 1024;

/**
 * stdout (an access line per request) goes out once this many bytes are
 * queued, or every `periodicFlush` ms; unbatched, a write(2) went to a
 * libuv worker whenever the previous one had finished.
 */
const STDOUT_BATCH = { minLength: 4096, periodicFlush: 100 };

/**
 * EPIPE: the pipe's reader (a log shipper) has gone. The service keeps
 * serving and drops that stream's lines, instead of dying of an unhandled
 * 'error' event as it would with process.stdout.
 * Buffer mode: in text mode sonic-boom measures the byte length of all the
 * text queued so far on every write.
 */
function openStream(fd: number, batch?: typeof STDOUT_BATCH): SonicBoom {
  const destination = new SonicBoom({
    fd,
    maxLength: MAX_QUEUED_BYTES,
    contentMode: 'buffer',
    ...batch,
  });
  destination.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closedStreams.add(destination);
    destination.destroy();
  });
  return destination;
}

/**
 * An entry of strings and numbers, as getJsonLogObject builds it, by a
 * precompiled serializer: JSON.stringify's text, keys in the same order,
 * for much less work on every access line.
 */
const LOG_ENTRY_JSON = compileJson<object>({
  type: 'object',
  properties: {
    level: { type: 'string' },
    pid: { type: 'integer' },
    timestamp: { type: 'integer' },
    message: { type: 'string' },
    context: { type: 'string' },
    stack: { type: 'string' },
  },
  required: ['level', 'pid', 'timestamp', 'message'],
});

/**
 * Nest's JSON lines, written asynchronously: a slow sink (a full pipe, a
 * slow disk) no longer blocks the event loop once per request for the
 * access line, and lines that arrive while a write is in flight go out
 * together in the next one.
 */
class JsonLinesLogger extends ConsoleLogger {
  /** Lines each destination dropped since its last line went through. */
  private readonly dropped = new Map<SonicBoom, number>();
  /** How a line written by log() below begins. */
  private readonly logLinePrefix = `{"level":"log","pid":${process.pid},"timestamp":`;

  constructor(private readonly destinations: LogDestinations) {
    super({ json: true, colors: false });
    for (const destination of new Set<SonicBoom>([
      destinations.stdout,
      destinations.stderr,
    ])) {
      destination.on('drop', () =>
        this.dropped.set(destination, (this.dropped.get(destination) ?? 0) + 1),
      );
    }
  }

  /**
   * A text line with its context, as the access log writes one per
   * request, is built at once: Nest's path there makes arrays and an entry
   * object, then escapes every field.
   */
  log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[0];
    if (
      typeof message !== 'string' ||
      optionalParams.length !== 1 ||
      typeof context !== 'string' ||
      !this.isLevelEnabled('log')
    ) {
      super.log(message, ...optionalParams);
      return;
    }
    this.writeLine(
      'stdout',
      `${this.logLinePrefix}${Date.now()},"message":${jsonString(message)},"context":${jsonString(context)}}`,
    );
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
        ? LOG_ENTRY_JSON(entry)
        : this.stringifyJsonLogObject(entry);
    this.writeLine(options.writeStreamType ?? 'stdout', line);
  }

  private writeLine(stream: keyof LogDestinations, line: string): void {
    const destination = this.destinations[stream];
    if (closedStreams.has(destination)) return;
    const dropped = this.dropped.get(destination);
    if (!dropped) {
      writeText(destination, `${line}\n`);
      return;
    }
    this.dropped.delete(destination);
    const notice = this.getJsonLogObject(
      `${dropped} log lines dropped: the log reader was not keeping up`,
      { context: 'Logger', logLevel: 'warn' },
    );
    // One write: the notice goes before the line, or both are dropped and
    // the count, this line included, waits for the next one.
    writeText(destination, `${JSON.stringify(notice)}\n${line}\n`);
    if (this.dropped.has(destination))
      this.dropped.set(destination, dropped + 1);
  }
}

/** What JSON needs escaped; lone surrogates too, as JSON.stringify does. */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/**
 * JSON.stringify's text for a string, without its call for the common
 * string that needs nothing escaped (a native call costs more than the test).
 */
function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * As a Buffer, which a buffer-mode stream requires and a text-mode one
 * (the tests' destinations) turns back into text; sonic-boom's types
 * declare strings only.
 */
function writeText(destination: SonicBoom, text: string): void {
  destination.write(Buffer.from(text) as unknown as string);
}
