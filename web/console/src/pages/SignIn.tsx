import { useState, type FormEvent } from 'react';
import { sessionFor, type AuthConfig } from '../api/auth';
import type { Session } from '../api/session';
import { ErrorMessage } from '../components/States';

/**
 * Sign in with the platform's OpenID Connect provider (the embedded one, or the company's); a bearer token from
 * elsewhere can still be pasted. When the provider cannot be reached the page says so and offers to try again.
 */
export function SignIn({ config, onSignIn, onSignedIn, unreachable }: {
  config: AuthConfig | null;
  onSignIn: () => void;
  onSignedIn: (session: Session) => void;
  unreachable: string | null;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [token, setToken] = useState('');

  const useToken = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await sessionFor(token.trim()));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  if (unreachable)
    return (
      <main className="signin">
        <h1>ClientRequests console</h1>
        <section role="alert" aria-labelledby="unreachable-heading">
          <h2 id="unreachable-heading">Sign-in is unavailable</h2>
          <p>The identity provider{config ? ` at ${config.authority}` : ''} cannot be reached, so nobody can sign in right now.</p>
          <p className="state empty">{unreachable}</p>
          <button type="button" onClick={onSignIn}>
            Try again
          </button>
        </section>
      </main>
    );

  return (
    <main className="signin">
      <h1>ClientRequests console</h1>
      <section aria-labelledby="provider-heading">
        <h2 id="provider-heading">Sign in</h2>
        <p>With your company account{config ? ` (${new URL(config.authority).host})` : ''}.</p>
        <button type="button" onClick={onSignIn} disabled={!config}>
          Sign in
        </button>
      </section>
      <section aria-labelledby="token-heading">
        <h2 id="token-heading">Or use a bearer token</h2>
        <form onSubmit={useToken}>
          <label htmlFor="token">Access token from your identity provider</label>
          <textarea id="token" value={token} onChange={(e) => setToken(e.target.value)} rows={3} required />
          <button type="submit" disabled={busy || token.trim() === ''}>
            Use this token
          </button>
        </form>
      </section>
      {error && <ErrorMessage message={error} />}
    </main>
  );
}
