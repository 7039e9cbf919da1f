import type { ArgumentsHost } from '@nestjs/common';

/**
 * The request of an HTTP context. Nest's switchToHttp() makes three
 * closures and an Object.assign on every call, and a signed-in request
 * meets a guard or a decorator that asks for it seven times.
 */
export function requestOf<T>(host: ArgumentsHost): T {
  return host.getArgByIndex<T>(0);
}

/** The response of an HTTP context (see requestOf). */
export function responseOf<T>(host: ArgumentsHost): T {
  return host.getArgByIndex<T>(1);
}
