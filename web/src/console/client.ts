import type {
  CreateInvitesBody,
  Invite,
  InviteFilters,
  Session,
  UpdateInviteBody,
  User,
} from '../api-types';
import { api, ApiError, nextCursor, RequestOptions } from '../shared/api';

const INVITES = '/api/auth/invite';

export interface InvitePage {
  invites: Invite[];
  /** The cursor of the next page, or null on the last one. */
  next: string | null;
}

/**
 * The console's calls, with the administrator's token. A 401 from any of
 * them ends the session (onUnauthorized) before the error reaches the caller.
 */
export class ConsoleClient {
  constructor(
    private readonly token: string,
    private readonly onUnauthorized: () => void,
  ) {}

  private async call<T>(path: string, options: RequestOptions = {}) {
    try {
      return await api<T>(path, { ...options, token: this.token });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.onUnauthorized();
      }
      throw error;
    }
  }

  async me(): Promise<User> {
    return (await this.call<User>('/api/auth/me')).body;
  }

  async list(
    filters: InviteFilters,
    limit: number,
    cursor: string | null,
  ): Promise<InvitePage> {
    const { body, headers } = await this.call<Invite[]>(INVITES, {
      query: { ...filters, limit, cursor: cursor ?? undefined },
    });
    return { invites: body, next: nextCursor(headers.get('link')) };
  }

  /** Always an array, whatever `count` was (the API answers one object for 1). */
  async create(body: CreateInvitesBody): Promise<Invite[]> {
    const answer = await this.call<Invite | Invite[]>(INVITES, {
      method: 'POST',
      body,
    });
    return Array.isArray(answer.body) ? answer.body : [answer.body];
  }

  async update(id: number, body: UpdateInviteBody): Promise<Invite> {
    return (
      await this.call<Invite>(`${INVITES}/${id}`, { method: 'PATCH', body })
    ).body;
  }

  async revoke(id: number, revoked: boolean): Promise<Invite> {
    const action = revoked ? 'revoke' : 'unrevoke';
    return (
      await this.call<Invite>(`${INVITES}/${id}/${action}`, { method: 'POST' })
    ).body;
  }

  async remove(id: number): Promise<Invite> {
    return (await this.call<Invite>(`${INVITES}/${id}`, { method: 'DELETE' }))
      .body;
  }

  async users(
    id: number,
    cursor: string | null,
  ): Promise<{ users: User[]; next: string | null }> {
    const { body, headers } = await this.call<User[]>(
      `${INVITES}/${id}/users`,
      { query: { limit: 50, cursor: cursor ?? undefined } },
    );
    return { users: body, next: nextCursor(headers.get('link')) };
  }
}

export async function login(
  username: string,
  password: string,
): Promise<Session> {
  return (
    await api<Session>('/api/auth/login', {
      method: 'POST',
      body: { username, password },
    })
  ).body;
}
