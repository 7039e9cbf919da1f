import fc from 'fast-check';
import { InviteCodeGenerator } from './invite-code.generator';

describe('InviteCodeGenerator (properties)', () => {
  const generator = new InviteCodeGenerator();

  it('draws a code of exactly the asked length, from A-Z a-z 0-9 only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 6, max: 64 }), (length) => {
        const code = generator.generate(length);
        expect(code).toHaveLength(length);
        expect(code).toMatch(/^[A-Za-z0-9]+$/);
      }),
      { numRuns: 200 },
    );
  });

  it('never repeats itself over 20,000 codes of length 8', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 20_000; i++) codes.add(generator.generate(8));
    // 62^8 ≈ 2.2e14 codes: a repeat among 20,000 has odds of about 1e-6.
    expect(codes.size).toBe(20_000);
  });
});
