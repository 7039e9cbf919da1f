import type { Invite, User } from '../api-types';
import { formatDate } from '../shared/format';
import { CopyButton } from './copy-button';
import { statusOf } from './status';

export type RowAction = 'qr' | 'edit' | 'users' | 'revoke' | 'delete';

interface InvitesTableProps {
  invites: Invite[];
  me: User | null;
  /** The API's sentence for a failed row action, by invite id. */
  rowErrors: Record<number, string>;
  onAction: (action: RowAction, invite: Invite) => void;
}

/**
 * One row per invite. Under 700 px the rows become stacked cards (CSS),
 * each cell labelled by its column name, so nothing scrolls sideways.
 */
export function InvitesTable(props: InvitesTableProps) {
  const { invites, me, rowErrors, onAction } = props;
  return (
    <table class="invites">
      <caption class="visually-hidden">Invites</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Note</th>
          <th scope="col">Uses</th>
          <th scope="col">Expires</th>
          <th scope="col">Status</th>
          <th scope="col">Creator</th>
          <th scope="col">Last use</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {invites.map((invite) => {
          const status = statusOf(invite);
          return (
            <tr key={invite.id} data-code={invite.code}>
              <th scope="row" data-label="Code">
                <code>{invite.code}</code>
              </th>
              <td data-label="Note" class="note">
                {invite.note ?? <span class="muted">—</span>}
              </td>
              <td data-label="Uses">
                {invite.uses} / {invite.maxUses ?? '∞'}
              </td>
              <td data-label="Expires">{formatDate(invite.expiresAt)}</td>
              <td data-label="Status">
                <span class={`status status-${status}`}>{status}</span>
              </td>
              <td data-label="Creator">
                {me && invite.createdById === me.id
                  ? 'you'
                  : `user #${invite.createdById}`}
              </td>
              <td data-label="Last use">
                {formatDate(invite.lastUsedAt, 'not yet')}
              </td>
              <td data-label="Actions" class="row-actions">
                <CopyButton url={invite.url} code={invite.code} />
                <button
                  type="button"
                  class="small"
                  onClick={() => onAction('qr', invite)}
                  aria-label={`QR code of ${invite.code}`}
                >
                  QR
                </button>
                <button
                  type="button"
                  class="small"
                  onClick={() => onAction('edit', invite)}
                  aria-label={`Edit ${invite.code}`}
                >
                  Edit
                </button>
                <button
                  type="button"
                  class="small"
                  onClick={() => onAction('users', invite)}
                  aria-label={`Users of ${invite.code}`}
                >
                  Users
                </button>
                <button
                  type="button"
                  class="small"
                  onClick={() => onAction('revoke', invite)}
                  aria-label={`${invite.revokedAt ? 'Unrevoke' : 'Revoke'} ${invite.code}`}
                >
                  {invite.revokedAt ? 'Unrevoke' : 'Revoke'}
                </button>
                <button
                  type="button"
                  class="small danger"
                  onClick={() => onAction('delete', invite)}
                  aria-label={`Delete ${invite.code}`}
                >
                  Delete
                </button>
                {rowErrors[invite.id] && (
                  <p class="error" role="alert">
                    {rowErrors[invite.id]}
                  </p>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
