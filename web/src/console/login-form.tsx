import { useState } from 'preact/hooks';
import type { Session } from '../api-types';
import { messageOf } from '../shared/api';
import { Field, FormError } from '../shared/field';
import { login } from './client';

const NOT_AN_ADMINISTRATOR =
  'This console is for administrators; your account is not one.';

export function LoginForm(props: {
  notice: string | null;
  onLoggedIn: (session: Session) => void;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await login(username, password);
      // Every route of the console needs an administrator.
      if (!session.user.administrator) {
        setError(NOT_AN_ADMINISTRATOR);
        setBusy(false);
        return;
      }
      props.onLoggedIn(session);
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  }

  return (
    <main class="narrow">
      <h1>Invites</h1>
      <section class="card" aria-labelledby="login-heading">
        <h2 id="login-heading">Log in</h2>
        {props.notice && (
          <p class="notice" role="status">
            {props.notice}
          </p>
        )}
        <form onSubmit={(event) => void submit(event)}>
          <Field id="login-username" label="Username">
            {(attrs) => (
              <input
                {...attrs}
                autoComplete="username"
                required
                value={username}
                onInput={(event) => setUsername(event.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="login-password" label="Password">
            {(attrs) => (
              <input
                {...attrs}
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onInput={(event) => setPassword(event.currentTarget.value)}
              />
            )}
          </Field>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Logging in…' : 'Log in'}
            </button>
          </div>
          <FormError error={error} />
        </form>
      </section>
    </main>
  );
}
