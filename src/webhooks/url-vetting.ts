import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPublicAddress } from './address-classifier';

export interface VettedUrl {
  url: URL;
  /** The address to connect to: the one that was checked, never a second lookup. */
  address: string;
  family: 4 | 6;
}

export class UrlRefusedError extends Error {}

/** http(s), no credentials in it, at most 2048 characters. */
export function parseWebhookUrl(text: unknown): URL | null {
  if (typeof text !== 'string' || text.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname) return null;
  return url;
}

/**
 * Resolves the host and checks every address it resolves to: one private
 * answer among public ones is enough to refuse (the client could be handed
 * either). Used when a webhook is created and again before each delivery,
 * so a name that later resolves elsewhere (DNS rebinding) is caught.
 * @throws UrlRefusedError
 */
export async function vetUrl(
  url: URL,
  allowPrivate: boolean,
): Promise<VettedUrl> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new UrlRefusedError(`cannot resolve ${host}`);
    }
  }
  if (addresses.length === 0)
    throw new UrlRefusedError(`cannot resolve ${host}`);
  if (!allowPrivate && !addresses.every((a) => isPublicAddress(a.address))) {
    throw new UrlRefusedError(`${host} resolves to a private address`);
  }
  const [first] = addresses;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
