import { useEffect, useState, type FormEvent } from 'react';
import { listDemoUsers, signInAsDemoUser, type DemoUser, type Session } from '../api/session';
import { ErrorMessage, Loading } from '../components/States';

/**
 * In Development the gateway lists demo users and issues their tokens; elsewhere the user pastes a bearer token from
 * the site's identity provider, and the console asks the API who that is.
 */
export function SignIn({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [devError, setDevError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [token, setToken] = useState('');

  useEffect(() => {
    listDemoUsers().then(setUsers, (e: Error) => setDevError(e.message));
  }, []);

  const pick = async (userId: string) => {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signInAsDemoUser(userId));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  const useToken = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token.trim()}` },
        body: JSON.stringify({ query: '{ me { id name roles departments } }' }),
      });
      if (!response.ok) throw new Error(`The gateway refused this token (HTTP ${response.status}).`);
      const me = (await response.json()).data.me;
      onSignedIn({ token: token.trim(), user: { id: me.id, name: me.name ?? me.id, roles: me.roles, departments: me.departments } });
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <main className="signin">
      <h1>ClientRequests console</h1>
      <section aria-labelledby="demo-heading">
        <h2 id="demo-heading">Sign in as a demo user</h2>
        {!users && !devError && <Loading what="demo users" />}
        {devError && <p className="state empty">{devError}</p>}
        {users && (
          <ul className="users">
            {users.map((u) => (
              <li key={u.id}>
                <button type="button" disabled={busy} onClick={() => pick(u.id)} data-user={u.id}>
                  <strong>{u.name}</strong>
                  <span>{u.roles.join(', ')}</span>
                  {u.departments.length > 0 && <span>{u.departments.join(', ')}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="token-heading">
        <h2 id="token-heading">Or use a bearer token</h2>
        <form onSubmit={useToken}>
          <label htmlFor="token">Access token from your identity provider</label>
          <textarea id="token" value={token} onChange={(e) => setToken(e.target.value)} rows={3} required />
          <button type="submit" disabled={busy || token.trim() === ''}>
            Sign in
          </button>
        </form>
      </section>
      {error && <ErrorMessage message={error} />}
    </main>
  );
}
