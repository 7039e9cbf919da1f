import { ComponentChildren, render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  InviteLookup,
  PASSWORD_MAX,
  PASSWORD_MIN,
  Session,
  USERNAME_MAX,
  USERNAME_PATTERN,
} from '../api-types';
import { api, ApiError, messageOf } from '../shared/api';
import { Field, FormError } from '../shared/field';
import { formatDate } from '../shared/format';
import { saveSession } from '../shared/session';
import '../styles.css';

/** The code is the last path segment of /invite/<code>. */
function codeFromPath(): string {
  const segment = window.location.pathname.split('/').filter(Boolean).pop();
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return '';
  }
}

/** The API's single answer for unknown, expired, used-up and revoked codes. */
const INVALID_CODE = 'invalid invite code';
const INVITES_DISABLED = 'invites are disabled';

type State =
  | { kind: 'loading' }
  | { kind: 'invalid' }
  | { kind: 'disabled' }
  | { kind: 'failed'; error: string }
  | { kind: 'open'; invite: InviteLookup }
  | { kind: 'done'; session: Session };

function App() {
  const code = codeFromPath();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!code) {
      setState({ kind: 'invalid' });
      return;
    }
    api<InviteLookup>('/api/auth/register/invite', { query: { code } }).then(
      ({ body }) => setState({ kind: 'open', invite: body }),
      (error: unknown) => setState(stateOfError(error)),
    );
  }, [code, attempt]);

  switch (state.kind) {
    case 'loading':
      return (
        <Page title="Invitation">
          <p role="status">Checking the invite…</p>
        </Page>
      );
    case 'invalid':
      return (
        <Page title="This invite is not valid">
          <p>
            The link may be mistyped, expired, used up or withdrawn. Ask the
            person who invited you for a new one.
          </p>
        </Page>
      );
    case 'disabled':
      return (
        <Page title="Invites are disabled">
          <p>This service does not accept invites at the moment.</p>
        </Page>
      );
    case 'failed':
      return (
        <Page title="Invitation">
          <FormError error={state.error} />
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </Page>
      );
    case 'open':
      return (
        <RegisterPage
          invite={state.invite}
          onInvalid={() => setState({ kind: 'invalid' })}
          onDone={(session) => setState({ kind: 'done', session })}
        />
      );
    case 'done':
      return <Welcome session={state.session} />;
  }
}

function stateOfError(error: unknown): State {
  if (error instanceof ApiError) {
    if (error.message === INVALID_CODE || error.message === 'no code') {
      return { kind: 'invalid' };
    }
    if (error.message === INVITES_DISABLED) return { kind: 'disabled' };
  }
  return { kind: 'failed', error: messageOf(error) };
}

/** Headings take focus when the page's state changes, so screen readers hear it. */
function Page(props: { title: string; children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [props.title]);
  return (
    <main class="narrow">
      <section class="card">
        <h1 ref={heading} tabIndex={-1}>
          {props.title}
        </h1>
        {props.children}
      </section>
    </main>
  );
}

type FieldName = 'username' | 'password' | 'repeat' | 'form';

/** Client-side checks: the API's own rules, so most mistakes never leave the page. */
function check(username: string, password: string, repeat: string) {
  if (!USERNAME_PATTERN.test(username)) {
    return { field: 'username' as const, text: 'invalid username' };
  }
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    return { field: 'password' as const, text: 'invalid password' };
  }
  if (password !== repeat) {
    return { field: 'repeat' as const, text: 'the passwords differ' };
  }
  return undefined;
}

function fieldOfError(error: string): FieldName {
  if (error === 'invalid username' || error === 'username already exists') {
    return 'username';
  }
  if (error === 'invalid password') return 'password';
  return 'form';
}

function RegisterPage(props: {
  invite: InviteLookup;
  onInvalid: () => void;
  onDone: (session: Session) => void;
}) {
  const { invite } = props;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: FieldName; text: string }>();
  const errorFor = (field: FieldName) =>
    error?.field === field ? error.text : null;

  async function submit(event: Event) {
    event.preventDefault();
    const problem = check(username, password, repeat);
    setError(problem);
    if (problem) {
      document.getElementById(`register-${problem.field}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const { body } = await api<Session>('/api/auth/register', {
        method: 'POST',
        body: { username, password, code: invite.code },
      });
      saveSession('invitee', body);
      props.onDone(body);
    } catch (caught) {
      setBusy(false);
      const text = messageOf(caught);
      if (text === INVALID_CODE) return props.onInvalid();
      const field = caught instanceof ApiError ? fieldOfError(text) : 'form';
      setError({ field, text });
      if (field !== 'form')
        document.getElementById(`register-${field}`)?.focus();
    }
  }

  return (
    <Page title={`${invite.inviter.username} invited you`}>
      <p class="invite-facts">
        {invite.expiresAt
          ? `This invite is valid until ${formatDate(invite.expiresAt)}`
          : 'This invite does not expire'}
        {invite.remainingUses !== null &&
          ` and can be used ${invite.remainingUses} more time${invite.remainingUses === 1 ? '' : 's'}`}
        .
      </p>
      <h2>Create your account</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          id="register-username"
          label="Username"
          hint={`1 to ${USERNAME_MAX} characters: letters A–Z and a–z, digits, dot, underscore or hyphen.`}
          error={errorFor('username')}
        >
          {(attrs) => (
            <input
              {...attrs}
              autoComplete="username"
              required
              maxLength={USERNAME_MAX}
              value={username}
              onInput={(event) => setUsername(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id="register-password"
          label="Password"
          hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`}
          error={errorFor('password')}
        >
          {(attrs) => (
            <input
              {...attrs}
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id="register-repeat"
          label="Password again"
          error={errorFor('repeat')}
        >
          {(attrs) => (
            <input
              {...attrs}
              type="password"
              autoComplete="new-password"
              required
              value={repeat}
              onInput={(event) => setRepeat(event.currentTarget.value)}
            />
          )}
        </Field>
        <div class="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Creating your account…' : 'Create account'}
          </button>
        </div>
        <FormError error={errorFor('form')} />
      </form>
    </Page>
  );
}

function Welcome({ session }: { session: Session }) {
  return (
    <Page title={`Welcome, ${session.user.username}`}>
      <p class="success" role="status">
        Your account is ready and you are logged in.
      </p>
      <p class="hint">
        This session lasts until {formatDate(session.expiresAt)} or until you
        close this tab.
      </p>
    </Page>
  );
}

render(<App />, document.getElementById('app')!);
