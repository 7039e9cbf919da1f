import type { LoggerService } from '@nestjs/common';

/** Keeps every line the app logs, at every level. */
export class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private record(level: string, message: unknown, rest: unknown[]) {
    this.lines.push(
      [level, message, ...rest]
        .map((part) => (part instanceof Error ? part.stack : String(part)))
        .join(' '),
    );
  }
  log(message: unknown, ...rest: unknown[]) {
    this.record('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.record('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.record('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.record('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.record('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.record('fatal', message, rest);
  }
}
