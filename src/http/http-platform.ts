import type { INestApplication } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import type { AppConfig } from '../config/configuration';

export const HTTP_PLATFORMS = ['express', 'fastify'] as const;
export type HttpPlatformName = (typeof HTTP_PLATFORMS)[number];

/**
 * What differs between Express and Fastify, behind one interface: the rest
 * of the service sees only Nest's abstractions (HttpAdapterHost, guards,
 * interceptors, filters) and behaves the same on both.
 */
export interface HttpPlatform {
  readonly name: HttpPlatformName;
  /** The adapter NestFactory.create takes. */
  createAdapter(config: AppConfig): AbstractHttpAdapter;
  /**
   * Before app.init(): request ids, security headers, connection draining,
   * the access log, JSON body reading, JSON answers to malformed requests,
   * slow-client timeouts, client IPs behind proxies.
   */
  configure(app: INestApplication, config: AppConfig): void;
  /** After app.init(): resolves once the server can take requests. */
  ready(app: INestApplication): Promise<void>;
}

/** Loads only the chosen platform, so the other framework is never required. */
export async function loadHttpPlatform(
  name: HttpPlatformName,
): Promise<HttpPlatform> {
  return name === 'fastify'
    ? (await import('./fastify.platform')).fastifyPlatform
    : (await import('./express.platform')).expressPlatform;
}
