import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { map, Observable } from 'rxjs';
import type { Page } from './page';

/**
 * Answers a handler's Page<T> as the plain array its body is (a Zipline
 * client reads an array) and, when more rows follow, adds
 * `Link: <path?next>; rel="next"` on the path the client asked for. Through
 * the HTTP adapter, so it works on every platform.
 */
@Injectable()
export class NextPageLinkInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(
    context: ExecutionContext,
    next: CallHandler<Page<unknown>>,
  ): Observable<unknown[]> {
    return next.handle().pipe(
      map((page) => {
        if (page.next) {
          const http = context.switchToHttp();
          const adapter = this.adapterHost.httpAdapter;
          const url = adapter.getRequestUrl(http.getRequest()) as string;
          const path = url.split('?')[0];
          adapter.setHeader(
            http.getResponse(),
            'Link',
            `<${path}?${page.next.toString()}>; rel="next"`,
          );
        }
        return page.items;
      }),
    );
  }
}
