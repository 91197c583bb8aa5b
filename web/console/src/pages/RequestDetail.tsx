import { useState, type FormEvent } from 'react';
import { gql } from '../api/graphql';
import { useLive, useLoad, useNow } from '../api/hooks';
import { ADD_COMMENT, RECORD_SATISFACTION, REQUEST_DETAIL, REQUEST_UPDATED, type RequestSummary, type TimelineEntry } from '../api/queries';
import { ErrorMessage, Guard, StatusBadge } from '../components/States';
import { slaState } from '../domain/sla';

type Detail = RequestSummary & { timeline: TimelineEntry[] };

/** One request, kept live by the requestUpdated subscription: status, each department's progress, SLA, timeline. */
export function RequestDetail({ id, onChanged }: { id: string; onChanged: (request: RequestSummary) => void }) {
  const detail = useLoad(() => gql<{ request: Detail | null }>(REQUEST_DETAIL, { id }).then((d) => d.request), id);
  const live = useLive<{ requestUpdated: RequestSummary }>(
    REQUEST_UPDATED,
    { id },
    (data) => {
      detail.reload();
      if (data?.requestUpdated) onChanged(data.requestUpdated);
    },
    5000,
  );
  const now = useNow();

  return (
    <section className="card detail" aria-labelledby="detail-heading" aria-live="polite">
      <Guard what="the request" loadable={detail} isEmpty={(d) => d === null} empty="This request does not exist or is not yours to see.">
        {(request) => {
          const r = request!;
          const sla = slaState(r.status, r.sla, now);
          return (
            <>
              <h2 id="detail-heading">{r.title}</h2>
              <p className="meta">
                <StatusBadge status={r.status} /> {r.clientName} · {r.type} · {r.priority} ·{' '}
                <span className={`sla sla-${sla.tone}`} data-testid="request-sla">
                  SLA: {sla.label}
                </span>
                {r.sla.resolutionDueAt && (
                  <>
                    {' '}
                    <small>
                      (due <time dateTime={r.sla.resolutionDueAt}>{new Date(r.sla.resolutionDueAt).toLocaleString()}</time>)
                    </small>
                  </>
                )}{' '}
                · <small>{live}</small>
              </p>
              <h3>Departments</h3>
              <ol className="progress">
                {r.workItems.map((w) => {
                  // Each department's own clock (its OLA), computed by the platform like the request's.
                  const clock = slaState(w.status, w.sla, now);
                  return (
                    <li key={w.id} data-department={w.departmentCode}>
                      <span>{w.departmentName}</span> <StatusBadge status={w.status} />{' '}
                      <span className={`sla sla-${clock.tone}`} data-testid="department-sla">
                        {clock.label}
                      </span>
                    </li>
                  );
                })}
              </ol>
              {r.status === 'Fulfilled' && <Satisfaction request={r} onRecorded={(x) => (onChanged(x), detail.reload())} />}
              <h3>Timeline</h3>
              <ol className="timeline">
                {r.timeline.map((t) => (
                  <li key={t.id}>
                    <time dateTime={t.at}>{new Date(t.at).toLocaleString()}</time> <strong>{t.kind}</strong>
                    {t.departmentCode && <> · {t.departmentCode}</>}
                    {t.status && <> → {t.status}</>}
                    {t.actorId && <> · by {t.actorId}</>}
                    {t.text && <blockquote>{t.text}</blockquote>}
                  </li>
                ))}
              </ol>
              <CommentForm requestId={r.id} onAdded={detail.reload} />
            </>
          );
        }}
      </Guard>
    </section>
  );
}

function CommentForm({ requestId, onAdded }: { requestId: string; onAdded: () => void }) {
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState('internal');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await gql(ADD_COMMENT, { requestId, text, visibility });
      setText('');
      onAdded();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form onSubmit={submit} className="comment">
      <label>
        Comment
        <textarea value={text} onChange={(e) => setText(e.target.value)} required rows={2} />
      </label>
      <div className="field">
        <label htmlFor="comment-visibility">Visible to</label>
        <select id="comment-visibility" value={visibility} onChange={(e) => setVisibility(e.target.value)}>
          <option value="internal">the team only</option>
          <option value="client">the client too</option>
        </select>
      </div>
      <button type="submit">Add comment</button>
      {error && <ErrorMessage message={error} />}
    </form>
  );
}

function Satisfaction({ request, onRecorded }: { request: RequestSummary; onRecorded: (r: RequestSummary) => void }) {
  const [score, setScore] = useState(5);
  const [error, setError] = useState<string | null>(null);
  if (request.satisfactionScore) return <p className="satisfaction">Client satisfaction: {request.satisfactionScore} / 5</p>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { recordSatisfaction } = await gql<{ recordSatisfaction: RequestSummary }>(RECORD_SATISFACTION, { requestId: request.id, score });
      onRecorded(recordSatisfaction);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form onSubmit={submit} className="satisfaction">
      <fieldset>
        <legend>How satisfied is the client?</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="check">
            <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} /> {n}
          </label>
        ))}
      </fieldset>
      <button type="submit">Record satisfaction</button>
      {error && <ErrorMessage message={error} />}
    </form>
  );
}
