import { useState } from 'react';
import { gql } from '../api/graphql';
import { useLive, useLoad, useNow } from '../api/hooks';
import type { Session } from '../api/session';
import { MY_CLIENTS, MY_REQUESTS, type Client, type RequestRow } from '../api/queries';
import { Guard, StatusBadge } from '../components/States';
import { slaState } from '../domain/sla';
import { OpenRequestForm } from './OpenRequestForm';
import { RequestDetail } from './RequestDetail';

/** The account team's page: their clients with health, opening requests, and following them. */
export function RequestsPage({ session }: { session: Session }) {
  const clients = useLoad(() => gql<{ myClients: Client[] }>(MY_CLIENTS).then((d) => d.myClients), session.user.id);
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
        <Guard what="clients" loadable={clients} isEmpty={(c) => c.length === 0} empty="You have no clients in your book yet.">
          {(list) => (
            <ul className="clients">
              {list.map((c) => (
                <li key={c.id}>
                  <span>{c.name}</span> <small>{c.tier}</small>
                  <span className={`health health-${c.health.band}`} aria-label={`health ${c.health.score} of 100, ${c.health.band}`}>
                    {c.health.score} · {c.health.band}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Guard>
      </section>

      {clients.data && clients.data.length > 0 && (
        <OpenRequestForm
          clients={clients.data}
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
