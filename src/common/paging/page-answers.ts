import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { HttpExchange } from '../decorators/exchange.decorator';
import type { Page } from './page';

/**
 * A Page<T> answered as the plain array its body is (a Zipline client reads
 * an array) and, when more rows follow, `Link: <path?next>; rel="next"` on
 * the path the client asked for, through the HTTP adapter. Called by the
 * handler rather than an interceptor: Nest wraps each interceptor in rxjs
 * and an AsyncResource, which cost a busy list a tenth of its CPU time.
 */
@Injectable()
export class PageAnswers {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  items<T>(exchange: HttpExchange, page: Page<T>): T[] {
    if (page.next) {
      const adapter = this.adapterHost.httpAdapter;
      const url = adapter.getRequestUrl(exchange.request) as string;
      const path = url.split('?')[0];
      adapter.setHeader(
        exchange.response,
        'Link',
        `<${path}?${page.next.toString()}>; rel="next"`,
      );
    }
    return page.items;
  }
}
