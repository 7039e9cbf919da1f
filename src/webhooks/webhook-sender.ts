import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { VettedUrl } from './url-vetting';

export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * POSTs the body to the vetted address only: `lookup` answers with it, so
 * the host name is kept for the Host header and TLS (SNI, certificate) but
 * never resolved again. Resolves with the status; rejects on a refused
 * connection or after 10 s in all.
 */
export function postJson(
  target: VettedUrl,
  headers: Record<string, string>,
  body: string,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<number> {
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: object[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    } else {
      callback(null, target.address, target.family);
    }
  };
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      target.url,
      {
        method: 'POST',
        lookup,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'invite-service-webhooks',
        },
      },
      (response: IncomingMessage) => {
        // The body is not needed: drain it so the socket is released.
        response.resume();
        response.on('end', () => {
          clearTimeout(timer);
          resolve(response.statusCode ?? 0);
        });
        response.on('error', reject);
      },
    );
    const timer = setTimeout(
      () => request.destroy(new Error(`timed out after ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}
