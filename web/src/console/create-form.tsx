import { useState } from 'preact/hooks';
import type { Invite } from '../api-types';
import { Field, FormError } from '../shared/field';
import type { ConsoleClient } from './client';
import { CopyButton } from './copy-button';
import {
  InviteSettings,
  InviteSettingsFields,
  settingsBody,
  useInviteFormError,
} from './invite-fields';

interface CreateFormProps {
  client: ConsoleClient;
  onCreated: (invites: Invite[]) => void;
  onShowQr: (invite: Invite) => void;
}

/** Count, expiry, max uses and note; the new codes and links appear at once below. */
export function CreateForm({ client, onCreated, onShowQr }: CreateFormProps) {
  const [count, setCount] = useState('1');
  const [settings, setSettings] = useState<InviteSettings>({
    expiry: { preset: '7d', date: '' },
    maxUses: { unlimited: false, value: '1' },
    note: '',
  });
  const [busy, setBusy] = useState(false);
  const { errorFor, clear, fail } = useInviteFormError();
  const [created, setCreated] = useState<Invite[]>([]);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    clear();
    try {
      const invites = await client.create({
        count: Number(count),
        ...settingsBody(settings),
      });
      setCreated(invites);
      onCreated(invites);
    } catch (caught) {
      fail(caught);
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
          <InviteSettingsFields
            idPrefix="create"
            value={settings}
            onChange={setSettings}
            errorFor={errorFor}
          />
        </div>
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
