import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface CpuProfileNode {
  id: number;
  callFrame: {
    functionName: string;
    url: string;
    lineNumber: number;
  };
  hitCount?: number;
}

interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  functions: { name: string; location: string; percent: number }[];
  packages: { name: string; percent: number }[];
}

/** Where the code lives: a package under node_modules, node's own, the service, or V8. */
function area(url: string): string {
  if (!url) return '(V8 / native: GC, idle, program)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/dist/')) return 'service (dist/)';
  return url;
}

/**
 * Self time per function and per package from the first .cpuprofile in
 * `dir` (node --cpu-prof), busiest first. "(idle)" is left out of the
 * percentages so they describe where the CPU time went.
 */
export function summariseProfile(dir: string): ProfileSummary | undefined {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return undefined;
  const profile = JSON.parse(
    readFileSync(join(dir, file), 'utf8'),
  ) as CpuProfile;
  const hits = new Map<number, number>();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const byFunction = new Map<string, { location: string; hits: number }>();
  const byArea = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (count === 0 || functionName === '(idle)') continue;
    total += count;
    const name = functionName || '(anonymous)';
    const location = url
      ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${lineNumber + 1}`
      : '';
    const key = `${name} ${location}`;
    const entry = byFunction.get(key) ?? { location, hits: 0 };
    entry.hits += count;
    byFunction.set(key, entry);
    const a = area(url);
    byArea.set(a, (byArea.get(a) ?? 0) + count);
  }
  const percent = (n: number) => (total ? (100 * n) / total : 0);
  const sampleMs =
    profile.samples.length > 0
      ? (profile.endTime - profile.startTime) / 1000 / profile.samples.length
      : 0;
  return {
    file,
    totalMs: total * sampleMs,
    functions: [...byFunction]
      .map(([key, v]) => ({
        name: key.slice(0, key.length - v.location.length).trim(),
        location: v.location,
        percent: percent(v.hits),
      }))
      .sort((a, b) => b.percent - a.percent)
      .slice(0, 40),
    packages: [...byArea]
      .map(([name, n]) => ({ name, percent: percent(n) }))
      .sort((a, b) => b.percent - a.percent)
      .slice(0, 25),
  };
}
