import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import fastJson, { type Schema } from 'fast-json-stringify';
import { map, type Observable } from 'rxjs';
import { answerPage } from '../common/paging/next-page-link.interceptor';
import type { Page } from '../common/paging/page';

const FAST_JSON_SCHEMA = 'fast-json-schema';

interface FastJsonOptions {
  /**
   * The handler returns a Page<T> of the schema's items: answered as
   * NextPageLinkInterceptor would, in this one interceptor (each
   * interceptor costs every request of its route).
   */
  paged?: boolean;
}

interface Serializer {
  serialize: (body: unknown) => string;
  paged: boolean;
}
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * A route whose 200 body has a fixed shape: it is written by a
 * fast-json-stringify serializer compiled once from `schema`, on either
 * platform, instead of JSON.stringify, which must discover the shape of
 * every object. Keys the schema does not name are left out.
 */
export const FastJsonResponse = (
  schema: Schema,
  options: FastJsonOptions = {},
) =>
  applyDecorators(
    SetMetadata(FAST_JSON_SCHEMA, { schema, ...options }),
    UseInterceptors(FastJsonInterceptor),
  );

@Injectable()
export class FastJsonInterceptor implements NestInterceptor {
  private readonly serializers = new WeakMap<object, Serializer>();

  constructor(
    private readonly reflector: Reflector,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { serialize, paged } = this.serializerFor(
      context.getHandler() as () => unknown,
    );
    const adapter = this.adapterHost.httpAdapter;
    const response: unknown = context.switchToHttp().getResponse();
    return next.handle().pipe(
      map((body: unknown) => {
        if (paged) body = answerPage(context, adapter, body as Page<unknown>);
        // A string with a JSON content type is sent as it is by both
        // Express and Fastify.
        adapter.setHeader(response, 'Content-Type', JSON_CONTENT_TYPE);
        return serialize(body);
      }),
    );
  }

  private serializerFor(handler: () => unknown): Serializer {
    let serializer = this.serializers.get(handler);
    if (!serializer) {
      const options = this.reflector.get<
        (FastJsonOptions & { schema: Schema }) | undefined
      >(FAST_JSON_SCHEMA, handler);
      if (!options) throw new Error('FastJsonInterceptor without a schema');
      serializer = {
        serialize: fastJson(options.schema),
        paged: options.paged === true,
      };
      this.serializers.set(handler, serializer);
    }
    return serializer;
  }
}
