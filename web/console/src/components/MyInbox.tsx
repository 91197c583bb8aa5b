import { useEffect, useState } from 'react';
import { gql } from '../api/graphql';
import { useLoad } from '../api/hooks';
import { MARK_NOTIFICATIONS_READ, MY_INBOX, type MyInbox as Inbox } from '../api/queries';

/**
 * The caller's unread notifications and the work they hold, in the top bar. Quiet when it cannot load: the page
 * below says what is wrong with the gateway; a badge need not say it twice.
 */
export function MyInbox({ refreshMs = 30_000 }: { refreshMs?: number }) {
  const inbox = useLoad(() => gql<Inbox>(MY_INBOX), 'inbox');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { reload } = inbox;

  useEffect(() => {
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [reload, refreshMs]);

  // A gateway without these fields (an older one) answers without `me`: show nothing rather than fail the page.
  if (!inbox.data?.me?.notifications) return null;
  const { unreadNotifications, notifications, work } = inbox.data.me;

  const markRead = async (variables: { ids?: string[]; all?: boolean }) => {
    try {
      await gql(MARK_NOTIFICATIONS_READ, variables);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
    reload();
  };

  return (
    <div className="my-inbox">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Notifications <span className="badge">{unreadNotifications}</span>
        {work.nodes.length > 0 && (
          <>
            {' '}· My work <span className="badge">{work.nodes.length}{work.pageInfo.hasNextPage ? '+' : ''}</span>
          </>
        )}
      </button>
      {open && (
        <div className="my-inbox-panel" role="region" aria-label="My notifications and work">
          {error && <p role="alert">{error}</p>}
          <h2>Unread notifications</h2>
          {notifications.nodes.length === 0 ? (
            <p>Nothing unread.</p>
          ) : (
            <>
              <ul>
                {notifications.nodes.map((n) => (
                  <li key={n.id}>
                    <span>{n.title}</span>{' '}
                    <button type="button" onClick={() => markRead({ ids: [n.id] })} aria-label={`Mark "${n.title}" read`}>
                      Mark read
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => markRead({ all: true })}>
                Mark all read
              </button>
            </>
          )}
          {work.nodes.length > 0 && (
            <>
              <h2>My work</h2>
              <ul>
                {work.nodes.map((w) => (
                  <li key={w.id}>
                    {w.title} <small>({w.departmentCode}, {w.status}, due {new Date(w.dueAt).toLocaleString()}{w.atRisk ? ', at risk' : ''})</small>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
