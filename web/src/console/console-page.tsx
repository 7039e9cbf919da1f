import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Invite, InviteFilters, Session, User } from '../api-types';
import { ApiError, messageOf } from '../shared/api';
import { FormError } from '../shared/field';
import { ConsoleClient } from './client';
import { CreateForm } from './create-form';
import { DeleteDialog, EditDialog, QrDialog, UsersDialog } from './dialogs';
import { InvitesTable, RowAction } from './invites-table';

const STATUS_FILTERS: Record<string, InviteFilters> = {
  all: {},
  valid: { valid: true },
  used: { used: true },
  expired: { expired: true },
  revoked: { revoked: true },
};
const PAGE_SIZES = [25, 50, 100];
const INVITES_DISABLED = 'invites are disabled';

type Open = { action: Exclude<RowAction, 'revoke'>; invite: Invite } | null;

export function ConsolePage(props: {
  session: Session;
  onLogout: (notice: string | null) => void;
}) {
  const { session, onLogout } = props;
  const client = useMemo(
    () =>
      new ConsoleClient(session.token, () =>
        onLogout('Your session has ended. Log in again.'),
      ),
    [session.token],
  );
  const [me, setMe] = useState<User | null>(session.user);
  const [status, setStatus] = useState('all');
  const [code, setCode] = useState('');
  const [mine, setMine] = useState(false);
  const [limit, setLimit] = useState(25);
  // Cursors of the pages seen so far: [null (first page), cursor of page 2, …].
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [invites, setInvites] = useState<Invite[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [disabled, setDisabled] = useState(false);
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [open, setOpen] = useState<Open>(null);
  const [reloads, setReloads] = useState(0);

  const filters: InviteFilters = {
    ...STATUS_FILTERS[status],
    ...(code.trim() ? { code: code.trim() } : {}),
    ...(mine && me ? { createdById: me.id } : {}),
  };
  const cursor = cursors[cursors.length - 1];
  const filterKey = JSON.stringify(filters);

  useEffect(() => {
    client.me().then(setMe, () => undefined);
  }, [client]);

  useEffect(() => {
    let current = true;
    setListError(null);
    client.list(filters, limit, cursor).then(
      (page) => {
        if (!current) return;
        setDisabled(false);
        setInvites(page.invites);
        setNext(page.next);
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.message === INVITES_DISABLED) {
          setDisabled(true);
        } else {
          setListError(messageOf(error));
        }
      },
    );
    return () => {
      current = false;
    };
  }, [client, filterKey, limit, cursor, reloads]);

  const firstPage = () => setCursors([null]);
  const reload = () => setReloads((n) => n + 1);
  const replace = (invite: Invite) =>
    setInvites(
      (list) =>
        list?.map((row) => (row.id === invite.id ? invite : row)) ?? null,
    );

  async function revoke(invite: Invite) {
    setRowErrors(({ [invite.id]: _, ...rest }) => rest);
    try {
      replace(await client.revoke(invite.id, !invite.revokedAt));
    } catch (error) {
      setRowErrors((errors) => ({ ...errors, [invite.id]: messageOf(error) }));
    }
  }

  function onAction(action: RowAction, invite: Invite) {
    if (action === 'revoke') void revoke(invite);
    else setOpen({ action, invite });
  }

  const page = cursors.length;
  return (
    <>
      <header class="top">
        <h1>Invites</h1>
        <p>
          Logged in as <strong>{me?.username ?? session.user.username}</strong>
        </p>
        <button type="button" class="ghost" onClick={() => onLogout(null)}>
          Log out
        </button>
      </header>
      <main>
        {disabled ? (
          <section class="card disabled" aria-labelledby="disabled-heading">
            <h2 id="disabled-heading">Invites are disabled</h2>
            <p>
              This service does not accept invites right now (
              <code>INVITES_ENABLED=false</code>), so none can be listed or
              created and invite links do not work. An operator can turn them
              back on in the service&apos;s configuration.
            </p>
            <button type="button" onClick={reload}>
              Check again
            </button>
          </section>
        ) : (
          <>
            <CreateForm
              client={client}
              onCreated={() => {
                firstPage();
                reload();
              }}
              onShowQr={(invite) => setOpen({ action: 'qr', invite })}
            />
            <section class="card" aria-labelledby="list-heading">
              <h2 id="list-heading">All invites</h2>
              <form
                class="filters"
                onSubmit={(event) => {
                  event.preventDefault();
                  firstPage();
                }}
              >
                <div class="field">
                  <label for="filter-status">Status</label>
                  <select
                    id="filter-status"
                    value={status}
                    onChange={(event) => {
                      setStatus(event.currentTarget.value);
                      firstPage();
                    }}
                  >
                    <option value="all">All</option>
                    <option value="valid">Valid</option>
                    <option value="used">Used up</option>
                    <option value="expired">Expired</option>
                    <option value="revoked">Revoked</option>
                  </select>
                </div>
                <div class="field">
                  <label for="filter-code">Code</label>
                  <input
                    id="filter-code"
                    type="search"
                    value={code}
                    onChange={(event) => {
                      setCode(event.currentTarget.value);
                      firstPage();
                    }}
                  />
                </div>
                <div class="field">
                  <label for="filter-limit">Per page</label>
                  <select
                    id="filter-limit"
                    value={limit}
                    onChange={(event) => {
                      setLimit(Number(event.currentTarget.value));
                      firstPage();
                    }}
                  >
                    {PAGE_SIZES.map((size) => (
                      <option key={size} value={size}>
                        {size}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="check">
                  <input
                    id="filter-mine"
                    type="checkbox"
                    checked={mine}
                    onChange={(event) => {
                      setMine(event.currentTarget.checked);
                      firstPage();
                    }}
                  />
                  <label for="filter-mine">Created by me</label>
                </div>
              </form>
              <FormError error={listError} />
              {invites === null && !listError && <p role="status">Loading…</p>}
              {invites?.length === 0 && <p>No invites match.</p>}
              {invites && invites.length > 0 && (
                <InvitesTable
                  invites={invites}
                  me={me}
                  rowErrors={rowErrors}
                  onAction={onAction}
                />
              )}
              <nav class="pager" aria-label="Pages">
                <button
                  type="button"
                  class="ghost"
                  disabled={page === 1}
                  onClick={() => setCursors((list) => list.slice(0, -1))}
                >
                  Previous page
                </button>
                <span aria-live="polite">Page {page}</span>
                <button
                  type="button"
                  class="ghost"
                  disabled={!next}
                  onClick={() => setCursors((list) => [...list, next])}
                >
                  Next page
                </button>
              </nav>
            </section>
          </>
        )}
      </main>
      {open?.action === 'qr' && (
        <QrDialog invite={open.invite} onClose={() => setOpen(null)} />
      )}
      {open?.action === 'edit' && (
        <EditDialog
          client={client}
          invite={open.invite}
          onClose={() => setOpen(null)}
          onSaved={(invite) => {
            replace(invite);
            setOpen(null);
          }}
        />
      )}
      {open?.action === 'delete' && (
        <DeleteDialog
          client={client}
          invite={open.invite}
          onClose={() => setOpen(null)}
          onDeleted={() => {
            setOpen(null);
            reload();
          }}
        />
      )}
      {open?.action === 'users' && (
        <UsersDialog
          client={client}
          invite={open.invite}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
