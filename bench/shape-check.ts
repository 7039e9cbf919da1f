/**
 * The benchmark's guard against a baseline that silently does less than the
 * service: for the same request on the same rows, the bodies must agree key
 * for key, in the same order, and (where the rows are the same) byte for
 * byte. Each difference is described precisely enough to fix the baseline's
 * row→JSON mapping (bench/baseline/server.ts, toInvite / toUser).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function kind(value: Json): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function show(value: Json): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Differences of `candidate` from `reference`, as sentences with a JSON
 * path. `compareValues` false: only keys, their order and the kinds of the
 * values (for bodies with fresh codes and dates, such as a POST's).
 */
export function jsonDifferences(
  reference: Json,
  candidate: Json,
  compareValues: boolean,
  path = '$',
): string[] {
  const kinds = [kind(reference), kind(candidate)];
  // null vs another kind is a difference of value (expiresAt), not of shape.
  if (kinds[0] !== kinds[1] && (compareValues || !kinds.includes('null'))) {
    return [
      `${path}: ${kinds[0]} ${show(reference)} in the service, ${kinds[1]} ${show(candidate)} in the baseline`,
    ];
  }
  if (Array.isArray(reference) && Array.isArray(candidate)) {
    const out: string[] = [];
    if (reference.length !== candidate.length) {
      out.push(
        `${path}: ${reference.length} elements in the service, ${candidate.length} in the baseline`,
      );
    }
    const n = Math.min(reference.length, candidate.length);
    for (let i = 0; i < n; i += 1) {
      out.push(
        ...jsonDifferences(
          reference[i],
          candidate[i],
          compareValues,
          `${path}[${i}]`,
        ),
      );
    }
    return out;
  }
  if (
    reference !== null &&
    candidate !== null &&
    typeof reference === 'object' &&
    typeof candidate === 'object' &&
    !Array.isArray(reference) &&
    !Array.isArray(candidate)
  ) {
    const referenceKeys = Object.keys(reference);
    const candidateKeys = Object.keys(candidate);
    const out: string[] = [];
    const missing = referenceKeys.filter((k) => !(k in candidate));
    const extra = candidateKeys.filter((k) => !(k in reference));
    if (missing.length) {
      out.push(
        `${path}: the baseline lacks ${missing.join(', ')} (the service's keys: ${referenceKeys.join(', ')})`,
      );
    }
    if (extra.length) {
      out.push(
        `${path}: the baseline has ${extra.join(', ')}, which the service does not`,
      );
    }
    // The keys both have, in each one's order.
    const shared = referenceKeys.filter((k) => k in candidate);
    const sharedInCandidate = candidateKeys.filter((k) => k in reference);
    const at = shared.findIndex((k, i) => sharedInCandidate[i] !== k);
    if (at >= 0) {
      out.push(
        `${path}: key order differs at ${shared[at]}: service ${referenceKeys.join(', ')}; baseline ${candidateKeys.join(', ')}`,
      );
    }
    for (const key of referenceKeys) {
      if (key in candidate) {
        out.push(
          ...jsonDifferences(
            reference[key],
            candidate[key],
            compareValues,
            `${path}.${key}`,
          ),
        );
      }
    }
    return out;
  }
  if (compareValues && reference !== candidate) {
    return [
      `${path}: ${show(reference)} in the service, ${show(candidate)} in the baseline`,
    ];
  }
  return [];
}

/** Where two texts first differ, with a little context from each. */
export function firstByteDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  const around = (text: string) =>
    JSON.stringify(text.slice(Math.max(0, at - 30), at + 30));
  return `bodies differ at character ${at} (lengths ${a.length} and ${b.length}): service …${around(a)}…, baseline …${around(b)}…`;
}

/**
 * All differences between a service body and the baseline's for the same
 * request; `sameRows` also requires equal values and identical bytes.
 */
export function bodyDifferences(
  serviceBody: string,
  baselineBody: string,
  sameRows: boolean,
): string[] {
  const differences = jsonDifferences(
    JSON.parse(serviceBody) as Json,
    JSON.parse(baselineBody) as Json,
    sameRows,
  );
  if (sameRows && differences.length === 0) {
    const bytes = firstByteDifference(serviceBody, baselineBody);
    if (bytes) differences.push(bytes);
  }
  return collapseElements(differences);
}

/**
 * A difference found in several elements of an array is said once, with the
 * elements as `[*]` and how many had it; one found once keeps its path.
 */
function collapseElements(differences: string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const difference of differences) {
    const key = difference.replace(/\[\d+\]/g, '[*]');
    groups.set(key, [...(groups.get(key) ?? []), difference]);
  }
  return [...groups].map(([key, group]) =>
    group.length > 1 ? `${key} (${group.length} elements)` : group[0],
  );
}
