import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { requestOf, responseOf } from './http-context';

describe('requestOf and responseOf', () => {
  it('read what switchToHttp() would give', () => {
    const request = { url: '/api/auth/me' };
    const response = { statusCode: 200 };
    const context = new ExecutionContextHost([request, response, () => {}]);
    expect(requestOf(context)).toBe(request);
    expect(responseOf(context)).toBe(response);
    expect(requestOf(context)).toBe(context.switchToHttp().getRequest());
    expect(responseOf(context)).toBe(context.switchToHttp().getResponse());
  });
});
