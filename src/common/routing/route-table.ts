import {
  Injectable,
  OnApplicationBootstrap,
  RequestMethod,
  SetMetadata,
} from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

export const API_PREFIX = 'api';

/** Swagger UI; its documents are at `-json` and `-yaml` beside it. */
export const DOCS_PATH = `${API_PREFIX}/docs`;
const DOCS_ROUTES = [DOCS_PATH, `${DOCS_PATH}-json`, `${DOCS_PATH}-yaml`];
/** Swagger UI's files, served below its page; named as Fastify names them. */
const DOCS_ASSETS_TEMPLATE = `/${DOCS_PATH}/*`;
const DOCS_SEGMENTS = DOCS_PATH.split('/');

const OUTSIDE_API_PREFIX = 'outsideApiPrefix';

/**
 * Marks a controller whose routes app.setup.ts excludes from the /api
 * prefix (the web pages, /metrics), so this table records them where they
 * are served.
 */
export const OutsideApiPrefix = () => SetMetadata(OUTSIDE_API_PREFIX, true);

interface RoutePattern {
  /** Lower-cased path segments; `:name` matches any one segment. */
  segments: string[];
  /** As the routers name it: `/api/auth/invite/:id`. */
  template: string;
  methods: Set<string>;
}

/**
 * Which methods each route path answers, collected from the controllers once
 * at start-up. When the router finds no handler, the exception filter asks
 * this table whether the path exists with another method (405) or not at all
 * (404): neither platform's router tells the two apart. It also names the
 * route of a request that Express refused before routing it (a body error).
 */
@Injectable()
export class RouteTable implements OnApplicationBootstrap {
  private readonly patterns = new Map<string, RoutePattern>();

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
      const prefix = Reflect.getMetadata(OUTSIDE_API_PREFIX, metatype)
        ? ''
        : API_PREFIX;
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
            this.add(
              segmentsOf(`${prefix}/${controllerPath}/${handlerPath}`),
              method,
            );
          }
        }
      }
    }
    // Swagger's pages (app.setup.ts) are no controller's.
    for (const path of DOCS_ROUTES) {
      this.add(segmentsOf(path), RequestMethod.GET);
    }
  }

  /** The template of the route that answers this method and path, if any. */
  templateOf(method: string, path: string): string | undefined {
    const segments = requestSegmentsOf(path);
    for (const pattern of this.patterns.values()) {
      if (pattern.methods.has(method) && matches(pattern.segments, segments)) {
        return pattern.template;
      }
    }
    const isDocsAsset =
      (method === 'GET' || method === 'HEAD') &&
      segments.length > DOCS_SEGMENTS.length &&
      DOCS_SEGMENTS.every((part, index) => segments[index] === part);
    return isDocsAsset ? DOCS_ASSETS_TEMPLATE : undefined;
  }

  /** The methods the path answers, or undefined when no route has this path. */
  allowedMethods(path: string): string[] | undefined {
    const segments = requestSegmentsOf(path);
    const methods = new Set<string>();
    for (const pattern of this.patterns.values()) {
      if (matches(pattern.segments, segments)) {
        pattern.methods.forEach((method) => methods.add(method));
      }
    }
    return methods.size > 0 ? [...methods].sort() : undefined;
  }

  private add(segments: string[], method: RequestMethod): void {
    const name = RequestMethod[method];
    if (name === 'ALL') return; // an @All() route never leaves a method unanswered
    const key = segments.join('/');
    const pattern = this.patterns.get(key) ?? {
      segments,
      template: `/${key}`,
      methods: new Set<string>(),
    };
    pattern.methods.add(name);
    if (name === 'GET') pattern.methods.add('HEAD');
    this.patterns.set(key, pattern);
  }
}

function matches(pattern: string[], segments: string[]): boolean {
  return (
    pattern.length === segments.length &&
    pattern.every((part, index) =>
      part.startsWith(':') ? segments[index] !== '' : part === segments[index],
    )
  );
}

function toArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [typeof value === 'string' ? value : ''];
}

/** A route's template, its parts joined with slashes, as segments. */
function segmentsOf(template: string): string[] {
  return template
    .split('/')
    .filter(Boolean)
    .map((segment) =>
      segment.startsWith(':') ? segment : segment.toLowerCase(),
    );
}

/**
 * A request's path as segments: case-insensitive, with or without a slash
 * at either end. An empty segment inside (`/api//auth/me`) is kept, so it
 * matches no route, as neither platform's router matches it.
 */
function requestSegmentsOf(path: string): string[] {
  const inner = path.split('?')[0].replace(/^\//, '').replace(/\/$/, '');
  return inner === ''
    ? []
    : inner.split('/').map((segment) => segment.toLowerCase());
}
