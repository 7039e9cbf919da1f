import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AbstractHttpAdapter } from '@nestjs/core';
import { map, Observable } from 'rxjs';
import type { Page } from './page';

/**
 * A Page<T> as the plain array its body is (a Zipline client reads an
 * array) and, when more rows follow, `Link: <path?next>; rel="next"` on the
 * path the client asked for. Through the HTTP adapter, so it works on
 * every platform.
 */
export function answerPage<T>(
  context: ExecutionContext,
  adapter: AbstractHttpAdapter,
  page: Page<T>,
): T[] {
  if (page.next) {
    const http = context.switchToHttp();
    const url = adapter.getRequestUrl(http.getRequest()) as string;
    const path = url.split('?')[0];
    adapter.setHeader(
      http.getResponse(),
      'Link',
      `<${path}?${page.next.toString()}>; rel="next"`,
    );
  }
  return page.items;
}

/** Answers a handler's Page<T> with answerPage. */
@Injectable()
export class NextPageLinkInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(
    context: ExecutionContext,
    next: CallHandler<Page<unknown>>,
  ): Observable<unknown[]> {
    return next
      .handle()
      .pipe(
        map((page) => answerPage(context, this.adapterHost.httpAdapter, page)),
      );
  }
}
