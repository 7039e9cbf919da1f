import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { Session } from '../api-types';
import { clearSession, loadSession, saveSession } from '../shared/session';
import { ConsolePage } from './console-page';
import { LoginForm } from './login-form';
import '../styles.css';

function App() {
  const [session, setSession] = useState<Session | null>(() =>
    loadSession('console'),
  );
  const [notice, setNotice] = useState<string | null>(null);
  if (!session) {
    return (
      <LoginForm
        notice={notice}
        onLoggedIn={(next) => {
          saveSession('console', next);
          setNotice(null);
          setSession(next);
        }}
      />
    );
  }
  return (
    <ConsolePage
      session={session}
      onLogout={(message) => {
        clearSession('console');
        setNotice(message);
        setSession(null);
      }}
    />
  );
}

render(<App />, document.getElementById('app')!);
