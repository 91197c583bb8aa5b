import { useState } from 'react';
import { gql } from '../api/graphql';
import { useLive, useLoad } from '../api/hooks';
import { hasRole, type Session } from '../api/session';
import { DEPARTMENTS, DEPARTMENT_LOAD, QUEUE, QUEUE_CHANGED, STEPS, type QueueItem } from '../api/queries';
import { ErrorMessage, Guard } from '../components/States';

const columns = [
  { status: 'Queued', label: 'Queued' },
  { status: 'Claimed', label: 'Claimed' },
  { status: 'InProgress', label: 'In progress' },
];

/** A department's queue as a board; the lead also sees each member's load. */
export function QueuePage({ session }: { session: Session }) {
  const mine = session.user.departments;
  const [code, setCode] = useState(mine[0] ?? '');
  const queue = useLoad(() => gql<{ queue: { items: QueueItem[] } | null }>(QUEUE, { code }).then((d) => d.queue?.items ?? []), code);
  const live = useLive(QUEUE_CHANGED, { code }, () => queue.reload(), 3000);
  const lead = hasRole(session.user, 'department-lead', 'admin');

  if (!code) return <p className="state empty">You are not a member of any department.</p>;
  return (
    <div className="queue-page">
      <div className="toolbar">
        <div className="field">
          <label htmlFor="queue-department">Department</label>
          <select id="queue-department" value={code} onChange={(e) => setCode(e.target.value)}>
            {mine.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </div>
        <small>{live}</small>
        <button type="button" onClick={queue.reload}>
          Refresh
        </button>
      </div>
      <Guard what="the queue" loadable={queue} isEmpty={(items) => items.length === 0} empty="Nothing in this queue: all caught up.">
        {(items) => (
          <div className="board">
            {columns.map((column) => {
              const cards = items.filter((i) => i.status === column.status);
              return (
                <section key={column.status} className="column" aria-labelledby={`col-${column.status}`}>
                  <h2 id={`col-${column.status}`}>
                    {column.label} <span className="count">{cards.length}</span>
                  </h2>
                  {cards.length === 0 && <p className="state empty">None</p>}
                  {cards.map((item) => (
                    <Card key={item.id} item={item} code={code} me={session.user.id} onDone={queue.reload} />
                  ))}
                </section>
              );
            })}
          </div>
        )}
      </Guard>
      {lead && <MembersLoad code={code} version={queue.data?.map((i) => i.status + i.claimedBy).join() ?? ''} />}
    </div>
  );
}

function Card({ item, code, me, onDone }: { item: QueueItem; code: string; me: string; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<'none' | 'complete' | 'reject' | 'handOver'>('none');
  const [text, setText] = useState('');
  const departments = useLoad(
    () => (mode === 'handOver' ? gql<{ departments: { code: string; name: string }[] }>(DEPARTMENTS).then((d) => d.departments) : Promise.resolve([])),
    mode,
  );

  const run = async (step: keyof typeof STEPS, extra: Record<string, unknown> = {}) => {
    setBusy(true);
    setError(null);
    try {
      await gql(STEPS[step], { departmentCode: code, workItemId: item.id, ...extra });
      setMode('none');
      setText('');
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const mineToWork = item.claimedBy === me;

  return (
    <article className="queue-card" aria-label={item.title} data-work-item={item.id} data-request={item.requestId}>
      <h3>{item.title}</h3>
      <p>
        <small>
          {item.type} · {item.priority} · queued {new Date(item.queuedAt).toLocaleString()}
          {item.claimedBy && <> · claimed by {item.claimedBy}</>}
        </small>
      </p>
      <div className="actions">
        {item.status === 'Queued' && (
          <button type="button" disabled={busy} onClick={() => run('claim')}>
            Claim
          </button>
        )}
        {item.status === 'Claimed' && mineToWork && (
          <>
            <button type="button" disabled={busy} onClick={() => run('start')}>
              Start
            </button>
            <button type="button" disabled={busy} onClick={() => run('unclaim')}>
              Unclaim
            </button>
          </>
        )}
        {item.status === 'InProgress' && mineToWork && (
          <button type="button" disabled={busy} onClick={() => setMode('complete')}>
            Complete…
          </button>
        )}
        {item.status !== 'Queued' && mineToWork && (
          <>
            <button type="button" disabled={busy} onClick={() => setMode('reject')}>
              Reject…
            </button>
            <button type="button" disabled={busy} onClick={() => setMode('handOver')}>
              Hand over…
            </button>
          </>
        )}
      </div>
      {mode === 'complete' && (
        <form onSubmit={(e) => (e.preventDefault(), run('complete', { resolutionNote: text || null }))}>
          <label>
            Resolution note
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} />
          </label>
          <button type="submit" disabled={busy}>
            Complete
          </button>
          <button type="button" onClick={() => setMode('none')}>
            Cancel
          </button>
        </form>
      )}
      {mode === 'reject' && (
        <form onSubmit={(e) => (e.preventDefault(), run('reject', { reason: text }))}>
          <label>
            Reason for rejecting
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} required />
          </label>
          <button type="submit" disabled={busy}>
            Reject
          </button>
          <button type="button" onClick={() => setMode('none')}>
            Cancel
          </button>
        </form>
      )}
      {mode === 'handOver' && (
        <form onSubmit={(e) => (e.preventDefault(), run('handOver', { toDepartmentCode: text }))}>
          <label>
            Hand over to
            <select value={text} onChange={(e) => setText(e.target.value)} required>
              <option value="">Choose a department</option>
              {(departments.data ?? [])
                .filter((d) => d.code !== code)
                .map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
            </select>
          </label>
          <button type="submit" disabled={busy}>
            Hand over
          </button>
          <button type="button" onClick={() => setMode('none')}>
            Cancel
          </button>
        </form>
      )}
      {error && <ErrorMessage message={error} />}
    </article>
  );
}

function MembersLoad({ code, version }: { code: string; version: string }) {
  const load = useLoad(
    () => gql<{ departmentLoad: { userId: string; name: string; capacity: number; load: number }[] }>(DEPARTMENT_LOAD, { code }).then((d) => d.departmentLoad),
    code + version,
  );
  return (
    <section className="card" aria-labelledby="load-heading">
      <h2 id="load-heading">Members' load</h2>
      <Guard what="members' load" loadable={load} isEmpty={(m) => m.length === 0} empty="This department has no members.">
        {(members) => (
          <table>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Holding</th>
                <th scope="col">Capacity</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId}>
                  <td>{m.name}</td>
                  <td>
                    <meter min={0} max={Math.max(m.capacity, 1)} value={m.load} aria-label={`${m.name} holds ${m.load} of ${m.capacity}`} /> {m.load}
                  </td>
                  <td>{m.capacity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Guard>
    </section>
  );
}
