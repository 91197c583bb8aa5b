import { useState } from 'react';
import { gql } from '../api/graphql';
import { useLive, useLoad, useNow } from '../api/hooks';
import type { Session } from '../api/session';
import { MY_CLIENTS, MY_REQUESTS, type ClientPage, type RequestRow } from '../api/queries';
import { Guard, StatusBadge } from '../components/States';
import { slaState } from '../domain/sla';
import { appendPage, clientHash } from '../domain/clients';
import { OpenRequestForm } from './OpenRequestForm';
import { RequestDetail } from './RequestDetail';

/** The account team's page: their clients with health, opening requests, and following them. */
export function RequestsPage({ session }: { session: Session }) {
  const clients = useLoad(() => gql<{ myClients: ClientPage }>(MY_CLIENTS).then((d) => d.myClients), session.user.id);
  const [more, setMore] = useState<{ pages: ClientPage[]; loading: boolean; error: string | null }>({ pages: [], loading: false, error: null });
  const lastPage = more.pages.length > 0 ? more.pages[more.pages.length - 1] : clients.data;
  const shown = clients.data ? more.pages.reduce((all, p) => appendPage(all, p.nodes), clients.data.nodes) : null;
  const loadMore = () => {
    const after = lastPage?.pageInfo.endCursor;
    if (!after) return;
    setMore((m) => ({ ...m, loading: true, error: null }));
    gql<{ myClients: ClientPage }>(MY_CLIENTS, { after }).then(
      (d) => setMore((m) => ({ pages: [...m.pages, d.myClients], loading: false, error: null })),
      (e: Error) => setMore((m) => ({ ...m, loading: false, error: e.message })),
    );
  };
  const requests = useLoad(
    () => gql<{ requests: { nodes: RequestRow[] } }>(MY_REQUESTS).then((d) => d.requests.nodes),
    session.user.id,
  );
  const [selected, setSelected] = useState<string | null>(null);
  // The list is refreshed now and then; the selected request is live through its own subscription.
  useLive(null, {}, () => requests.reload(), 10000);
  const now = useNow();

  const merge = () => requests.reload();

  return (
    <div className="requests-page">
      <section className="card" aria-labelledby="clients-heading">
        <h2 id="clients-heading">My clients</h2>
        <Guard what="clients" loadable={clients} isEmpty={(c) => c.nodes.length === 0} empty="You have no clients in your book yet.">
          {() => (
            <>
              <ul className="clients">
                {shown!.map((c) => (
                  <li key={c.id} data-client={c.id}>
                    <a href={clientHash(c.id)}>{c.name}</a> <small>{c.tier}</small>
                    <span className={`health health-${c.health.band}`} aria-label={`health ${c.health.score} of 100, ${c.health.band}`}>
                      {c.health.score} · {c.health.band}
                    </span>
                  </li>
                ))}
              </ul>
              <p className="more">
                <small>{shown!.length} shown</small>{' '}
                {lastPage?.pageInfo.hasNextPage && (
                  <button type="button" onClick={loadMore} disabled={more.loading}>
                    {more.loading ? 'Loading…' : 'More clients'}
                  </button>
                )}
              </p>
              {more.error && <p className="state error" role="alert">{more.error}</p>}
            </>
          )}
        </Guard>
      </section>

      {shown && shown.length > 0 && (
        <OpenRequestForm
          clients={shown}
          onOpened={(r) => {
            requests.reload();
            setSelected(r.id);
          }}
        />
      )}

      <section className="card" aria-labelledby="mine-heading">
        <h2 id="mine-heading">My requests</h2>
        <Guard what="requests" loadable={requests} isEmpty={(r) => r.length === 0} empty="No requests yet: open one above.">
          {(list) => (
            <table className="requests">
              <thead>
                <tr>
                  <th scope="col">Request</th>
                  <th scope="col">Status</th>
                  <th scope="col">Departments</th>
                  <th scope="col">SLA</th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => {
                  const sla = slaState(r.status, r.sla, now);
                  return (
                    <tr key={r.id} aria-selected={selected === r.id} data-request={r.id}>
                      <td>
                        <button type="button" className="link" onClick={() => setSelected(r.id)}>
                          {r.title}
                        </button>
                        <div>
                          <small>
                            {r.clientName} · {r.type} · {r.priority}
                          </small>
                        </div>
                      </td>
                      <td>
                        <StatusBadge status={r.status} />
                      </td>
                      <td>
                        {r.workItems.map((w) => (
                          <span key={w.id} className="chip">
                            {w.departmentCode}: {w.status}
                          </span>
                        ))}
                      </td>
                      <td className={`sla sla-${sla.tone}`}>{sla.label}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </Guard>
      </section>

      {selected && <RequestDetail key={selected} id={selected} onChanged={merge} />}
    </div>
  );
}
