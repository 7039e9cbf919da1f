import { useState } from 'preact/hooks';
import type { Invite } from '../api-types';
import { ApiError, messageOf } from '../shared/api';
import { Field, FormError } from '../shared/field';
import type { ConsoleClient } from './client';
import {
  expiresAtOf,
  ExpiryField,
  ExpiryValue,
  fieldOfError,
  InviteField,
  MaxUsesField,
  MaxUsesValue,
  maxUsesOf,
  NoteField,
} from './invite-fields';
import { CopyButton } from './copy-button';

interface CreateFormProps {
  client: ConsoleClient;
  onCreated: (invites: Invite[]) => void;
  onShowQr: (invite: Invite) => void;
}

/** Count, expiry, max uses and note; the new codes and links appear at once below. */
export function CreateForm({ client, onCreated, onShowQr }: CreateFormProps) {
  const [count, setCount] = useState('1');
  const [expiry, setExpiry] = useState<ExpiryValue>({ preset: '7d', date: '' });
  const [maxUses, setMaxUses] = useState<MaxUsesValue>({
    unlimited: false,
    value: '1',
  });
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: InviteField; text: string }>();
  const [created, setCreated] = useState<Invite[]>([]);

  const errorFor = (field: InviteField) =>
    error?.field === field ? error.text : null;

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const invites = await client.create({
        count: Number(count),
        expiresAt: expiresAtOf(expiry),
        maxUses: maxUsesOf(maxUses),
        note: note.trim() === '' ? null : note,
      });
      setCreated(invites);
      onCreated(invites);
    } catch (caught) {
      const text = messageOf(caught);
      setError({
        field: caught instanceof ApiError ? fieldOfError(text) : 'form',
        text,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="create-heading" class="card">
      <h2 id="create-heading">Create invites</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div class="form-grid">
          <Field id="create-count" label="How many" error={errorFor('count')}>
            {(attrs) => (
              <input
                {...attrs}
                type="number"
                min={1}
                step={1}
                inputMode="numeric"
                value={count}
                onInput={(event) => setCount(event.currentTarget.value)}
              />
            )}
          </Field>
          <ExpiryField
            idPrefix="create"
            value={expiry}
            onChange={setExpiry}
            error={errorFor('expiresAt')}
          />
          <MaxUsesField
            idPrefix="create"
            value={maxUses}
            onChange={setMaxUses}
            error={errorFor('maxUses')}
          />
        </div>
        <NoteField
          idPrefix="create"
          value={note}
          onChange={setNote}
          error={errorFor('note')}
        />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create'}
          </button>
        </div>
        <FormError error={errorFor('form')} />
      </form>
      {created.length > 0 && (
        <div class="created" role="status" aria-live="polite">
          <h3>
            Created {created.length} invite{created.length === 1 ? '' : 's'}
          </h3>
          <ul class="created-list">
            {created.map((invite) => (
              <li key={invite.id}>
                <code>{invite.code}</code>
                <a href={invite.url} class="link">
                  {invite.url}
                </a>
                <span class="row-actions">
                  <CopyButton url={invite.url} code={invite.code} />
                  <button
                    type="button"
                    class="small"
                    onClick={() => onShowQr(invite)}
                    aria-label={`QR code of ${invite.code}`}
                  >
                    QR
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
