import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const embedded = globalThis.embeddedTestDatabase;
  if (!embedded) return;
  await embedded.database.stop({ force: true });
  rmSync(embedded.dir, { recursive: true, force: true });
}
