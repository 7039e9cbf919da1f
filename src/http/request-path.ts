/**
 * The path of a request target, without its query string (which may carry
 * secrets) or a fragment, which clients should not send but some do.
 */
export function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/**
 * Whether a fixed part of the route `template` (`/api/auth/logout`, not
 * its `:id`) was written with percent-escapes in `path` (`/api/auth/l%6Fgout`):
 * Express matches the path as sent and finds no route there, so neither
 * does Fastify, whose router decodes the path before matching it.
 */
export function escapesFixedSegment(path: string, template: string): boolean {
  if (!path.includes('%')) return false;
  const sent = path.split('/');
  return template
    .split('/')
    .some(
      (part, index) =>
        !part.startsWith(':') &&
        part !== '*' &&
        sent[index] !== undefined &&
        sent[index].toLowerCase() !== part.toLowerCase(),
    );
}
