import { useEffect, useState, type FormEvent } from 'react';
import { gql } from '../api/graphql';
import { DEPARTMENTS, OPEN_REQUEST, SUGGEST, type Client, type RequestSummary } from '../api/queries';
import { ErrorMessage } from '../components/States';

export const requestTypes = ['need', 'complaint', 'contract-change', 'billing', 'information', 'other'];
export const priorities = ['P1', 'P2', 'P3', 'P4'];

/**
 * Opening a request: the departments the routing rules suggest are ticked as soon as the type, priority and client
 * are known; the user may tick others or untick them before sending.
 */
export function OpenRequestForm({ clients, onOpened }: { clients: Client[]; onOpened: (request: RequestSummary) => void }) {
  const [clientId, setClientId] = useState(clients[0]?.id ?? '');
  const [type, setType] = useState('billing');
  const [priority, setPriority] = useState('P3');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [departments, setDepartments] = useState<{ code: string; name: string }[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [rule, setRule] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    gql<{ departments: { code: string; name: string }[] }>(DEPARTMENTS).then((d) => setDepartments(d.departments), (e: Error) => setError(e.message));
  }, []);

  useEffect(() => {
    let current = true;
    gql<{ suggestDepartments: { departments: { code: string }[]; matchedRule: string | null } }>(SUGGEST, { type, priority, clientId: clientId || null }).then(
      (s) => {
        if (!current) return;
        setChosen(s.suggestDepartments.departments.map((d) => d.code));
        setRule(s.suggestDepartments.matchedRule);
      },
      () => current && setRule(null),
    );
    return () => {
      current = false;
    };
  }, [type, priority, clientId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const input = { clientId, type, priority, title, description, departments: chosen };
      const { openRequest } = await gql<{ openRequest: RequestSummary }>(OPEN_REQUEST, { input });
      setTitle('');
      setDescription('');
      onOpened(openRequest);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (code: string) => setChosen((c) => (c.includes(code) ? c.filter((x) => x !== code) : [...c, code]));

  return (
    <form className="card open-request" onSubmit={submit} aria-labelledby="open-heading">
      <h2 id="open-heading">Open a request</h2>
      <div className="grid2">
        <div className="field">
          <label htmlFor="open-client">Client</label>
          <select id="open-client" value={clientId} onChange={(e) => setClientId(e.target.value)} required>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="open-type">Type</label>
          <select id="open-type" value={type} onChange={(e) => setType(e.target.value)}>
            {requestTypes.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="open-priority">Priority</label>
          <select id="open-priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
            {priorities.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        </label>
      </div>
      <label>
        Description
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} required rows={3} />
      </label>
      <fieldset>
        <legend>Departments {rule ? <small>(suggested by “{rule}”)</small> : <small>(no rule matched: choose)</small>}</legend>
        {departments.map((d) => (
          <label key={d.code} className="check">
            <input type="checkbox" checked={chosen.includes(d.code)} onChange={() => toggle(d.code)} name="departments" value={d.code} />
            {d.name}
          </label>
        ))}
      </fieldset>
      {error && <ErrorMessage message={error} />}
      <button type="submit" disabled={busy || !clientId}>
        {busy ? 'Opening…' : 'Open request'}
      </button>
    </form>
  );
}
