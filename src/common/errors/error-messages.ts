import { STATUS_CODES } from 'node:http';

/**
 * The contract's `error` strings for the statuses any route may answer. The
 * first of each is the answer when the framework, not the service, raised
 * the status; the OpenAPI decorators document the same lists.
 */
export const CONTRACT_ERRORS = {
  400: ['bad request'],
  401: ['not logged in'],
  403: ['not an administrator'],
  404: ['not found'],
  405: ['method not allowed'],
  408: ['request timeout'],
  413: ['payload too large'],
  415: ['unsupported content encoding', 'unsupported charset'],
  429: ['too many requests'],
  500: ['internal server error'],
  503: ['database unavailable'],
} satisfies Record<number, string[]>;

export type ContractErrorStatus = keyof typeof CONTRACT_ERRORS;

export function messageForStatus(status: number): string {
  const known = (CONTRACT_ERRORS as Record<number, string[]>)[status];
  return known ? known[0] : (STATUS_CODES[status] ?? 'error').toLowerCase();
}
