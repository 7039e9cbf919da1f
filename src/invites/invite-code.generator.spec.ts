import { CODE_ALPHABET, InviteCodeGenerator } from './invite-code.generator';

describe('InviteCodeGenerator', () => {
  const generator = new InviteCodeGenerator();

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it.each([6, 8, 12, 64])('generates codes of exactly %d characters', (n) => {
    for (let i = 0; i < 100; i++) {
      expect(generator.generate(n)).toHaveLength(n);
    }
  });

  it('uses only the characters A-Z a-z 0-9', () => {
    for (let i = 0; i < 1000; i++) {
      expect(generator.generate(64)).toMatch(/^[A-Za-z0-9]{64}$/);
    }
  });

  it('draws from an alphabet of 62 distinct characters: A-Z a-z 0-9', () => {
    expect(CODE_ALPHABET).toHaveLength(62);
    expect(new Set(CODE_ALPHABET).size).toBe(62);
    expect(CODE_ALPHABET).toMatch(/^[A-Za-z0-9]+$/);
  });

  it('does not repeat itself over 10,000 codes of 8 characters', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 10_000; i++) codes.add(generator.generate(8));
    expect(codes.size).toBe(10_000);
  });

  it('uses every character about equally often (no missing character, no modulo bias)', () => {
    const total = 200_000;
    const counts = new Map<string, number>();
    let generated = 0;
    while (generated < total) {
      for (const char of generator.generate(64)) {
        counts.set(char, (counts.get(char) ?? 0) + 1);
      }
      generated += 64;
    }
    // Expected ≈ 3,226 per character, standard deviation ≈ 56: ±15% is
    // more than 8 standard deviations, yet a modulo bias (5/256 instead of
    // 4/256 for the first 8 characters, +21%) falls outside it.
    const expected = generated / CODE_ALPHABET.length;
    expect(counts.size).toBe(CODE_ALPHABET.length);
    for (const char of CODE_ALPHABET) {
      const count = counts.get(char) ?? 0;
      expect({
        char,
        withinBounds: Math.abs(count - expected) <= 0.15 * expected,
      }).toEqual({
        char,
        withinBounds: true,
      });
    }
  });

  it('never calls Math.random', () => {
    const random = jest.spyOn(Math, 'random');
    for (let i = 0; i < 100; i++) generator.generate(8);
    expect(random).not.toHaveBeenCalled();
  });

  it('uses each random byte once, fetching them from the CSPRNG a batch at a time', () => {
    // The CSPRNG replaced by a counter: byte k of all bytes fetched is k % 256.
    class CountingGenerator extends InviteCodeGenerator {
      fetched = 0;
      fetches = 0;
      protected fillWithRandomBytes(buffer: Buffer): void {
        this.fetches++;
        for (let i = 0; i < buffer.length; i++)
          buffer[i] = this.fetched++ % 256;
      }
    }
    const fresh = new CountingGenerator();
    const codes = Array.from({ length: 400 }, () => fresh.generate(12));

    // Bytes 248..255 of every 256 are dropped; the others give, in order,
    // character (byte % 62): never a byte twice, never one skipped.
    const expected: string[] = [];
    for (let k = 0; expected.length < 400 * 12; k++) {
      if (k % 256 < 248) expected.push(CODE_ALPHABET[(k % 256) % 62]);
    }
    expect(codes.join('')).toBe(expected.join(''));
    // 400 codes of 12 need about 4,950 bytes: three fetches, not 400.
    expect(fresh.fetches).toBe(3);
  });
});
