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

const FAST_JSON_SCHEMA = 'fast-json-schema';
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * A route whose 200 body has a fixed shape: it is written by a
 * fast-json-stringify serializer compiled once from `schema`, on either
 * platform, instead of JSON.stringify, which must discover the shape of
 * every object. Keys the schema does not name are left out.
 */
export const FastJsonResponse = (schema: Schema) =>
  applyDecorators(
    SetMetadata(FAST_JSON_SCHEMA, schema),
    UseInterceptors(FastJsonInterceptor),
  );

@Injectable()
export class FastJsonInterceptor implements NestInterceptor {
  private readonly serializers = new WeakMap<
    object,
    (body: unknown) => string
  >();

  constructor(
    private readonly reflector: Reflector,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const serialize = this.serializerFor(context.getHandler() as () => unknown);
    const response: unknown = context.switchToHttp().getResponse();
    return next.handle().pipe(
      map((body: unknown) => {
        // A string with a JSON content type is sent as it is by both
        // Express and Fastify.
        this.adapterHost.httpAdapter.setHeader(
          response,
          'Content-Type',
          JSON_CONTENT_TYPE,
        );
        return serialize(body);
      }),
    );
  }

  private serializerFor(handler: () => unknown): (body: unknown) => string {
    let serialize = this.serializers.get(handler);
    if (!serialize) {
      const schema = this.reflector.get<Schema | undefined>(
        FAST_JSON_SCHEMA,
        handler,
      );
      if (!schema) throw new Error('FastJsonInterceptor without a schema');
      serialize = fastJson(schema);
      this.serializers.set(handler, serialize);
    }
    return serialize;
  }
}
