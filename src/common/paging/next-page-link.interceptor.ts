import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { map, type Observable } from 'rxjs';

/** What a paged handler returns: the body, and the next page's URL when one follows. */
export interface Paged<Item> {
  items: Item[];
  next?: string;
}

/**
 * Turns a handler's `Paged` result into the wire format of paged lists: the
 * body stays a plain array, and `Link: <next>; rel="next"` tells the client
 * where the next page is. Through HttpAdapterHost, so on either platform.
 */
@Injectable()
export class NextPageLinkInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(
    context: ExecutionContext,
    next: CallHandler<Paged<unknown>>,
  ): Observable<unknown[]> {
    const response: unknown = context.switchToHttp().getResponse();
    return next.handle().pipe(
      map(({ items, next: nextUrl }) => {
        if (nextUrl) {
          this.adapterHost.httpAdapter.setHeader(
            response,
            'Link',
            `<${nextUrl}>; rel="next"`,
          );
        }
        return items;
      }),
    );
  }
}
