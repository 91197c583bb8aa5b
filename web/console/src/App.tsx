import { useEffect, useState } from 'react';
import { hasRole, loadSession, saveSession, type Session } from './api/session';
import { callbackPath, loadAuthConfig, sessionFor, silentRenewPath, userManager, type AuthConfig } from './api/auth';
import { SignIn } from './pages/SignIn';
import { RequestsPage } from './pages/RequestsPage';
import { QueuePage } from './pages/QueuePage';
import { DashboardPage } from './pages/DashboardPage';
import { MyInbox } from './components/MyInbox';
import { ClientPage } from './pages/ClientPage';
import { clientFromHash } from './domain/clients';

type PageId = 'requests' | 'queue' | 'dashboard';

/** The pages a user's roles open; the first is where they land. */
export function pagesFor(session: Session): { id: PageId; label: string }[] {
  const pages: { id: PageId; label: string }[] = [];
  if (hasRole(session.user, 'account-manager', 'account-executive', 'admin')) pages.push({ id: 'requests', label: 'Requests' });
  if (hasRole(session.user, 'department-agent', 'department-lead') || (hasRole(session.user, 'admin') && session.user.departments.length > 0))
    pages.push({ id: 'queue', label: 'Queue' });
  pages.push({ id: 'dashboard', label: 'Dashboard' });
  return pages;
}

function pageFromHash(pages: { id: PageId }[]): PageId {
  // A client's 360 belongs to the account team's page: opened from its "My clients" list.
  if (clientFromHash(window.location.hash) && pages.some((p) => p.id === 'requests')) return 'requests';
  const wanted = window.location.hash.replace(/^#\/?/, '') as PageId;
  return pages.some((p) => p.id === wanted) ? wanted : pages[0].id;
}

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const pages = session ? pagesFor(session) : [];
  const [page, setPage] = useState<PageId>(() => (session ? pageFromHash(pagesFor(session)) : 'requests'));
  const [client, setClient] = useState<string | null>(() => clientFromHash(window.location.hash));
  const [config, setConfig] = useState<AuthConfig | null>(null);
  const [unreachable, setUnreachable] = useState<string | null>(null);
  const path = window.location.pathname;
  const [completing, setCompleting] = useState(path === callbackPath);

  const signedIn = (s: Session) => {
    saveSession(s);
    setSession(s);
    setPage(pageFromHash(pagesFor(s)));
  };

  useEffect(() => {
    if (path === silentRenewPath) return;
    loadAuthConfig().then(async (c) => {
      setConfig(c);
      const manager = userManager(c);
      if (path !== callbackPath) return;
      // Back from the provider with a code: exchange it (PKCE), then ask the platform who this is.
      try {
        const user = await manager.signinRedirectCallback();
        signedIn(await sessionFor(user.access_token));
      } catch (e) {
        setUnreachable((e as Error).message);
      } finally {
        window.history.replaceState(null, '', '/console/');
        setCompleting(false);
      }
    }, (e: Error) => setUnreachable(e.message));
  }, []);

  useEffect(() => {
    if (path === silentRenewPath && config) void userManager(config).signinSilentCallback();
  }, [config]);

  const signIn = async () => {
    if (!config) return;
    setUnreachable(null);
    try {
      await userManager(config).signinRedirect();
    } catch (e) {
      // The discovery document could not be read: the provider is down or the address is wrong.
      setUnreachable((e as Error).message);
    }
  };

  const signOut = async () => {
    saveSession(null);
    setSession(null);
    if (!config) return;
    const manager = userManager(config);
    try {
      if (await manager.getUser()) await manager.signoutRedirect();
    } catch {
      // The provider is unreachable: this tab is signed out anyway; its session at the provider ends on its own.
      await manager.removeUser();
    }
  };

  useEffect(() => {
    const onHash = () => {
      setClient(clientFromHash(window.location.hash));
      if (session) setPage(pageFromHash(pagesFor(session)));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [session]);

  if (path === silentRenewPath) return null;
  if (completing) return <main className="signin"><p className="state">Signing in…</p></main>;
  if (!session) return <SignIn config={config} onSignIn={signIn} onSignedIn={signedIn} unreachable={unreachable} />;

  const current = pages.some((p) => p.id === page) ? page : pages[0].id;
  return (
    <div className="app">
      <header className="topbar">
        <h1>ClientRequests</h1>
        <nav aria-label="Pages">
          {pages.map((p) => (
            <a key={p.id} href={`#/${p.id}`} aria-current={p.id === current ? 'page' : undefined} onClick={() => { setClient(null); setPage(p.id); }}>
              {p.label}
            </a>
          ))}
        </nav>
        <div className="who">
          <MyInbox />
          <span>
            {session.user.name} <small>({session.user.roles.join(', ')})</small>
          </span>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main>
        {current === 'requests' && (client ? <ClientPage key={client} id={client} /> : <RequestsPage session={session} />)}
        {current === 'queue' && <QueuePage session={session} />}
        {current === 'dashboard' && <DashboardPage />}
      </main>
    </div>
  );
}
