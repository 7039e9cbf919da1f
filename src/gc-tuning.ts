import { setFlagsFromString } from 'node:v8';

/**
 * Imported first by main.ts. V8's allocation-site pretenuring decided,
 * from the survivors of the first requests, to allocate some per-request
 * objects straight in the old generation; from there they kept each
 * request's young objects alive through every scavenge until the next
 * full collection. Without it the young objects die young
 * (docs/benchmarks.md, session 12). The flag is read at each collection,
 * so setting it at startup takes effect.
 */
setFlagsFromString('--no-allocation-site-pretenuring');
