import { SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { RouteMetadata } from './route-metadata';

const Flag = (value: string) => SetMetadata('flag', value);

@Flag('class')
class Flagged {
  @Flag('handler')
  own(): void {}

  inherited(): void {}
}

class Plain {
  none(): void {}
}

/** Inherits Flagged's handlers, but not its class decorator's value. */
@Flag('subclass')
class Sub extends Flagged {}

function contextFor(controller: object, handler: () => void) {
  return new ExecutionContextHost([{}, {}], controller as never, handler);
}

describe('RouteMetadata', () => {
  it("reads the handler's value over its controller's", () => {
    const flag = new RouteMetadata<string>(new Reflector(), 'flag');
    const { own, inherited } = Flagged.prototype;
    expect(flag.of(contextFor(Flagged, own))).toBe('handler');
    expect(flag.of(contextFor(Flagged, inherited))).toBe('class');
    expect(flag.of(contextFor(Plain, Plain.prototype.none))).toBeUndefined();
  });

  it('asks the reflector once per route, an absent value included', () => {
    const reflector = new Reflector();
    const ask = jest.spyOn(reflector, 'getAllAndOverride');
    const flag = new RouteMetadata<string>(reflector, 'flag');
    for (let i = 0; i < 3; i++) {
      flag.of(contextFor(Flagged, Flagged.prototype.own));
      flag.of(contextFor(Plain, Plain.prototype.none));
    }
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('tells apart a handler inherited by another controller', () => {
    const flag = new RouteMetadata<string>(new Reflector(), 'flag');
    const { inherited } = Flagged.prototype;
    expect(flag.of(contextFor(Flagged, inherited))).toBe('class');
    expect(flag.of(contextFor(Sub, inherited))).toBe('subclass');
    expect(flag.of(contextFor(Flagged, inherited))).toBe('class');
  });
});
