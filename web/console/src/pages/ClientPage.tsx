import { useState } from 'react';
import { gql } from '../api/graphql';
import { useLive, useLoad, useNow } from '../api/hooks';
import { CLIENT_360, type Client360 } from '../api/queries';
import { Empty, Guard, StatusBadge } from '../components/States';
import { describeEvent, formatPoints, overallSatisfaction, personLabel, satisfactionBars } from '../domain/clients';
import { slaState } from '../domain/sla';
import { RequestDetail } from './RequestDetail';

const time = (at: string) => new Date(at).toLocaleString();

/** The client 360 (ADR 0035): health with its reasons, open requests with their clocks, recent activity, satisfaction, contacts and team. */
export function ClientPage({ id }: { id: string }) {
  const [selected, setSelected] = useState<string | null>(null);
  const onOpenRequest = (requestId: string) => setSelected(requestId);
  // The answer itself, not its client: a null client (not in the caller's book) is an answer, not "still loading".
  const client = useLoad(() => gql<{ client: Client360 | null }>(CLIENT_360, { id }), id);
  // Clocks and events move on their own; a minute is fresh enough for a client overview.
  useLive(null, {}, () => client.reload(), 60000);
  const now = useNow();

  return (
    <div className="client-page">
      <p>
        <a href="#/requests">← My clients</a>
      </p>
      <Guard what="the client" loadable={client} isEmpty={(d) => d.client === null} empty="There is no such client in your book.">
        {(d) => {
          // isEmpty has answered a null client.
          const c = d.client!;
          return (
          <>
            <header className="card client-head">
              <h2>{c.name}</h2>
              <span className="badge">{c.tier}</span> <span className="badge">{c.status}</span>{' '}
              <span className={`health health-${c.health.band}`} aria-label={`health ${c.health.score} of 100, ${c.health.band}`}>
                {c.health.score} · {c.health.band}
              </span>
            </header>
            <div className="client-grid">
              <Health client={c} />
              <section className="card" aria-labelledby="open-heading">
                <h3 id="open-heading">Open requests ({c.openRequestCount})</h3>
                {c.openRequests.length === 0 ? (
                  <Empty>No open requests.</Empty>
                ) : (
                  <table className="requests open-requests">
                    <thead>
                      <tr>
                        <th scope="col">Request</th>
                        <th scope="col">Status</th>
                        <th scope="col">SLA</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.openRequests.map((r) => {
                        const sla = slaState(r.status, r.sla, now);
                        return (
                          <tr key={r.id} data-request={r.id}>
                            <td>
                              <button type="button" className="link" onClick={() => onOpenRequest(r.id)}>
                                {r.title}
                              </button>
                              <div>
                                <small>
                                  {r.type} · {r.priority}
                                </small>
                              </div>
                            </td>
                            <td>
                              <StatusBadge status={r.status} />
                            </td>
                            <td className={`sla sla-${sla.tone}`} data-sla={r.sla.state}>
                              {sla.label}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                )}
                {c.openRequestCount > c.openRequests.length && (
                  <p>
                    <small>The {c.openRequests.length} most urgent of {c.openRequestCount} are shown.</small>
                  </p>
                )}
              </section>
              <section className="card" aria-labelledby="activity-heading">
                <h3 id="activity-heading">Recent activity</h3>
                {c.recentEvents.length === 0 ? (
                  <Empty>Nothing happened in the last 90 days.</Empty>
                ) : (
                  <ol className="timeline activity">
                    {c.recentEvents.map((e) => (
                      <li key={e.event.id}>
                        <time dateTime={e.event.at}>{time(e.event.at)}</time> · <strong>{describeEvent(e.event)}</strong> ·{' '}
                        <button type="button" className="link" onClick={() => onOpenRequest(e.requestId)}>
                          {e.requestTitle}
                        </button>
                        {e.event.actorId && <small> by {e.event.actorId}</small>}
                        {e.event.text && <blockquote>{e.event.text}</blockquote>}
                      </li>
                    ))}
                  </ol>
                )}
              </section>
              <Satisfaction months={c.satisfaction} />
              <section className="card" aria-labelledby="contacts-heading">
                <h3 id="contacts-heading">Contacts</h3>
                {c.contacts.length === 0 ? (
                  <Empty>No contacts recorded.</Empty>
                ) : (
                  <ul className="contacts">
                    {c.contacts.map((p) => (
                      <li key={p.id}>
                        <strong>{p.name}</strong>
                        {p.role && <span> · {p.role}</span>}
                        {p.email && (
                          <div>
                            <a href={`mailto:${p.email}`}>{p.email}</a>
                          </div>
                        )}
                        {p.phone && <div>{p.phone}</div>}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className="card" aria-labelledby="team-heading">
                <h3 id="team-heading">Account team</h3>
                <ul className="team">
                  <li>
                    <strong>{personLabel(c.accountTeam.manager)}</strong> <small>account manager</small>
                  </li>
                  {c.accountTeam.executives.map((p) => (
                    <li key={p.id}>
                      {personLabel(p)} <small>account executive</small>
                    </li>
                  ))}
                </ul>
              </section>
            </div>
          </>
          );
        }}
      </Guard>
      {selected && <RequestDetail key={selected} id={selected} onChanged={() => client.reload()} />}
    </div>
  );
}

function Health({ client }: { client: Client360 }) {
  const h = client.health;
  return (
    <section className="card" aria-labelledby="health-heading">
      <h3 id="health-heading">Health</h3>
      {h.reasons.length === 0 ? (
        <Empty>Nothing in the last 90 days lowers the score.</Empty>
      ) : (
        <ul className="reasons">
          {h.reasons.map((r) => (
            <li key={r.code}>
              <span>{r.text}</span> <span className={r.points < 0 ? 'points cost' : 'points'}>{formatPoints(r.points)}</span>
            </li>
          ))}
        </ul>
      )}
      <dl className="figures">
        <dt>Requests (90 days)</dt>
        <dd>{h.requests}</dd>
        <dt>Complaints</dt>
        <dd>
          {h.complaints} ({h.complaintsLast30Days} in 30 days)
        </dd>
        <dt>Median time to fulfil</dt>
        <dd>{h.medianHoursToFulfil === null ? 'n/a' : `${h.medianHoursToFulfil.toFixed(1)} h`}</dd>
        <dt>SLA breaches / at risk</dt>
        <dd>
          {h.slaBreaches} / {h.slaAtRisk}
        </dd>
        <dt>Satisfaction (90 days)</dt>
        <dd>
          {h.averageSatisfaction === null ? 'no ratings' : `${h.averageSatisfaction.toFixed(1)} / 5 of ${h.satisfactionRatings}`}
          {h.satisfactionTrend !== null && ` (trend ${h.satisfactionTrend > 0 ? '+' : ''}${h.satisfactionTrend.toFixed(1)})`}
        </dd>
      </dl>
    </section>
  );
}

function Satisfaction({ months }: { months: Client360['satisfaction'] }) {
  const bars = satisfactionBars(months);
  const overall = overallSatisfaction(months);
  return (
    <section className="card" aria-labelledby="satisfaction-heading">
      <h3 id="satisfaction-heading">Satisfaction by month</h3>
      <p className="summary">{overall === null ? 'No ratings in 12 months.' : `${overall.toFixed(2)} / 5 over 12 months`}</p>
      <ol className="bars" aria-label="Average rating per month">
        {bars.map((b) => (
          <li key={b.month} title={b.average === null ? `${b.label}: no ratings` : `${b.label}: ${b.average} of ${b.ratings}`}>
            <span className="bar" style={{ height: `${b.height}%` }} />
            <small>{b.label}</small>
            <small className="value">{b.average === null ? '–' : b.average.toFixed(1)}</small>
          </li>
        ))}
      </ol>
    </section>
  );
}
