import {
  Injectable,
  OnApplicationBootstrap,
  RequestMethod,
} from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

export const API_PREFIX = 'api';

/**
 * Which methods each route path answers, collected from the controllers once
 * at start-up. When the router finds no handler, the exception filter asks
 * this table whether the path exists with another method (405) or not at all
 * (404) — Express alone cannot tell the two apart.
 */
@Injectable()
export class RouteTable implements OnApplicationBootstrap {
  private readonly methodsByPath = new Map<string, Set<string>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      const metatype = wrapper.metatype;
      if (!instance || !metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      const controllerPaths = toArray(
        Reflect.getMetadata(PATH_METADATA, metatype),
      );
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as
          RequestMethod | undefined;
        if (method === undefined) continue;
        const handlerPaths = toArray(
          Reflect.getMetadata(PATH_METADATA, handler),
        );
        for (const controllerPath of controllerPaths) {
          for (const handlerPath of handlerPaths) {
            this.add(joinPath(API_PREFIX, controllerPath, handlerPath), method);
          }
        }
      }
    }
  }

  /** The methods the path answers, or undefined when no route has this path. */
  allowedMethods(path: string): string[] | undefined {
    const wanted = normalize(path).split('/');
    const methods = new Set<string>();
    // Every route path that matches, `:param` segments matching any one segment.
    for (const [routePath, routeMethods] of this.methodsByPath) {
      const segments = routePath.split('/');
      const matches =
        segments.length === wanted.length &&
        segments.every(
          (segment, i) =>
            segment === wanted[i] || (segment.startsWith(':') && wanted[i]),
        );
      if (matches) for (const method of routeMethods) methods.add(method);
    }
    return methods.size > 0 ? [...methods].sort() : undefined;
  }

  private add(path: string, method: RequestMethod): void {
    const methods = this.methodsByPath.get(path) ?? new Set<string>();
    const name = RequestMethod[method];
    if (name === 'ALL') return; // an @All() route never leaves a method unanswered
    methods.add(name);
    if (name === 'GET') methods.add('HEAD');
    this.methodsByPath.set(path, methods);
  }
}

function toArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [typeof value === 'string' ? value : ''];
}

function joinPath(...parts: string[]): string {
  return normalize(parts.join('/'));
}

function normalize(path: string): string {
  const trimmed = path.split('?')[0].replace(/\/+/g, '/').replace(/\/$/, '');
  return (trimmed.startsWith('/') ? trimmed : `/${trimmed}`).toLowerCase();
}
