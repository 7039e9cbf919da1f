import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { map, Observable } from 'rxjs';
import type { WebFile } from './web-assets';
import { responseOf } from '../common/http-context';

/**
 * Sends a `WebFile`'s headers through the HTTP adapter, so the pages need
 * neither `@Res()` nor an Express or Fastify import and work on both.
 */
@Injectable()
export class WebFileInterceptor implements NestInterceptor<WebFile, string> {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(
    context: ExecutionContext,
    next: CallHandler<WebFile>,
  ): Observable<string> {
    const response = responseOf<unknown>(context);
    const adapter = this.adapterHost.httpAdapter;
    return next.handle().pipe(
      map((file) => {
        adapter.setHeader(response, 'Content-Type', file.contentType);
        adapter.setHeader(response, 'Cache-Control', file.cacheControl);
        return file.body;
      }),
    );
  }
}
