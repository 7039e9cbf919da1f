import { useEffect, useState } from 'preact/hooks';
import type { Invite, User } from '../api-types';
import { messageOf } from '../shared/api';
import { Dialog } from '../shared/dialog';
import { FormError } from '../shared/field';
import { formatDate, isoToLocalInput } from '../shared/format';
import type { ConsoleClient } from './client';
import {
  EXPIRY_PRESETS,
  InviteSettings,
  InviteSettingsFields,
  settingsBody,
  useInviteFormError,
} from './invite-fields';
import { QrCode } from './qr-code';

export function QrDialog({
  invite,
  onClose,
}: {
  invite: Invite;
  onClose: () => void;
}) {
  return (
    <Dialog title={`QR code of ${invite.code}`} onClose={onClose}>
      <QrCode text={invite.url} label={`QR code of the link ${invite.url}`} />
      <p class="link">{invite.url}</p>
    </Dialog>
  );
}

/** "Keep" leaves the expiry as it is: PATCH without the key. */
const EDIT_PRESETS = [
  { value: 'keep', label: 'Keep as is' },
  ...EXPIRY_PRESETS,
];

export function EditDialog(props: {
  client: ConsoleClient;
  invite: Invite;
  onSaved: (invite: Invite) => void;
  onClose: () => void;
}) {
  const { client, invite, onSaved, onClose } = props;
  const [settings, setSettings] = useState<InviteSettings>({
    expiry: {
      preset: 'keep',
      date: invite.expiresAt ? isoToLocalInput(invite.expiresAt) : '',
    },
    maxUses: {
      unlimited: invite.maxUses === null,
      value: String(invite.maxUses ?? Math.max(1, invite.uses)),
    },
    note: invite.note ?? '',
  });
  const [busy, setBusy] = useState(false);
  const { errorFor, clear, fail } = useInviteFormError();

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    clear();
    try {
      onSaved(await client.update(invite.id, settingsBody(settings)));
    } catch (caught) {
      fail(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Edit ${invite.code}`} onClose={onClose}>
      <p class="hint">
        Expires now: {formatDate(invite.expiresAt)}. Used {invite.uses} time
        {invite.uses === 1 ? '' : 's'}.
      </p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <InviteSettingsFields
          idPrefix="edit"
          value={settings}
          onChange={setSettings}
          errorFor={errorFor}
          presets={EDIT_PRESETS}
        />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" class="ghost" onClick={onClose}>
            Cancel
          </button>
        </div>
        <FormError error={errorFor('form')} />
      </form>
    </Dialog>
  );
}

export function DeleteDialog(props: {
  client: ConsoleClient;
  invite: Invite;
  onDeleted: (invite: Invite) => void;
  onClose: () => void;
}) {
  const { client, invite, onDeleted, onClose } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      onDeleted(await client.remove(invite.id));
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  }
  return (
    <Dialog title={`Delete ${invite.code}?`} onClose={onClose}>
      <p>
        The link stops working at once. Users who registered with it keep their
        accounts.
      </p>
      <div class="actions">
        <button
          type="button"
          class="danger"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? 'Deleting…' : 'Delete'}
        </button>
        <button type="button" class="ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
      <FormError error={error} />
    </Dialog>
  );
}

export function UsersDialog(props: {
  client: ConsoleClient;
  invite: Invite;
  onClose: () => void;
}) {
  const { client, invite, onClose } = props;
  const [users, setUsers] = useState<User[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(cursor: string | null) {
    setError(null);
    try {
      const page = await client.users(invite.id, cursor);
      setUsers((before) => [...(cursor ? (before ?? []) : []), ...page.users]);
      setNext(page.next);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }
  useEffect(() => {
    void load(null);
  }, [invite.id]);

  return (
    <Dialog title={`Users of ${invite.code}`} onClose={onClose}>
      {users === null && !error && <p role="status">Loading…</p>}
      {users?.length === 0 && <p>Nobody has registered with it yet.</p>}
      {users && users.length > 0 && (
        <ul class="users">
          {users.map((user) => (
            <li key={user.id}>
              <strong>{user.username}</strong>{' '}
              <span class="hint">registered {formatDate(user.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <button type="button" class="ghost" onClick={() => void load(next)}>
          More users
        </button>
      )}
      <FormError error={error} />
    </Dialog>
  );
}
