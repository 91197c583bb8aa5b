import { useEffect, useState } from 'react';
import { hasRole, loadSession, saveSession, type Session } from './api/session';
import { SignIn } from './pages/SignIn';
import { RequestsPage } from './pages/RequestsPage';
import { QueuePage } from './pages/QueuePage';
import { DashboardPage } from './pages/DashboardPage';
import { MyInbox } from './components/MyInbox';

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
  const wanted = window.location.hash.replace(/^#\/?/, '') as PageId;
  return pages.some((p) => p.id === wanted) ? wanted : pages[0].id;
}

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const pages = session ? pagesFor(session) : [];
  const [page, setPage] = useState<PageId>(() => (session ? pageFromHash(pagesFor(session)) : 'requests'));

  useEffect(() => {
    const onHash = () => session && setPage(pageFromHash(pagesFor(session)));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [session]);

  if (!session)
    return (
      <SignIn
        onSignedIn={(s) => {
          saveSession(s);
          setSession(s);
          setPage(pageFromHash(pagesFor(s)));
        }}
      />
    );

  const current = pages.some((p) => p.id === page) ? page : pages[0].id;
  return (
    <div className="app">
      <header className="topbar">
        <h1>ClientRequests</h1>
        <nav aria-label="Pages">
          {pages.map((p) => (
            <a key={p.id} href={`#/${p.id}`} aria-current={p.id === current ? 'page' : undefined} onClick={() => setPage(p.id)}>
              {p.label}
            </a>
          ))}
        </nav>
        <div className="who">
          <MyInbox />
          <span>
            {session.user.name} <small>({session.user.roles.join(', ')})</small>
          </span>
          <button
            type="button"
            onClick={() => {
              saveSession(null);
              setSession(null);
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main>
        {current === 'requests' && <RequestsPage session={session} />}
        {current === 'queue' && <QueuePage session={session} />}
        {current === 'dashboard' && <DashboardPage />}
      </main>
    </div>
  );
}
