import { createForwardedForCheck } from './forwarded-for-check';

describe('createForwardedForCheck', () => {
  it('warns once when X-Forwarded-For arrives while TRUST_PROXY is off', () => {
    const warn = jest.fn();
    const check = createForwardedForCheck(false, warn);
    check({});
    expect(warn).not.toHaveBeenCalled();
    check({ 'x-forwarded-for': '198.51.100.7' });
    check({ 'x-forwarded-for': '198.51.100.8' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/X-Forwarded-For.*TRUST_PROXY/);
  });

  it.each([[1], ['10.0.0.0/8']])(
    'stays quiet when TRUST_PROXY is %j',
    (trustProxy) => {
      const warn = jest.fn();
      createForwardedForCheck(
        trustProxy,
        warn,
      )({
        'x-forwarded-for': '198.51.100.7',
      });
      expect(warn).not.toHaveBeenCalled();
    },
  );
});
