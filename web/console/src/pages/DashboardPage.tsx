import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { gql } from '../api/graphql';
import { useLive, useLoad } from '../api/hooks';
import { DASHBOARD_REQUESTS, FULFILLED_TIMELINES, MY_CLIENTS, type Client } from '../api/queries';
import { Guard } from '../components/States';
import {
  backlogByDepartment,
  cycleTimePercentiles,
  openRequestCount,
  requestsOverTime,
  slaCompliance,
  type DashboardRequest,
} from '../domain/dashboard';

const palette = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2'];
const bandColour: Record<string, string> = { healthy: '#059669', watch: '#d97706', 'at-risk': '#dc2626' };
const maxPages = 6;

interface Figures {
  requests: DashboardRequest[];
  cycleTimes: number[];
  clients: Client[];
}

/** Everything the dashboard shows, read through the GraphQL API: up to 300 recent requests, 20 recent fulfilments. */
async function loadFigures(): Promise<Figures> {
  const requests: DashboardRequest[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const d: { requests: { nodes: DashboardRequest[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gql(
      DASHBOARD_REQUESTS,
      { after },
    );
    requests.push(...d.requests.nodes);
    if (!d.requests.pageInfo.hasNextPage) break;
    after = d.requests.pageInfo.endCursor;
  }
  const [fulfilled, clients] = await Promise.all([
    gql<{ requests: { nodes: { submittedAt: string; timeline: { at: string; status: string | null }[] }[] } }>(FULFILLED_TIMELINES),
    gql<{ myClients: Client[] }>(MY_CLIENTS).then((d) => d.myClients, () => [] as Client[]),
  ]);
  const cycleTimes = fulfilled.requests.nodes.flatMap((r) => {
    const done = [...r.timeline].reverse().find((t) => t.status === 'Fulfilled');
    return done ? [Date.parse(done.at) - Date.parse(r.submittedAt)] : [];
  });
  return { requests, cycleTimes, clients };
}

export function DashboardPage() {
  const figures = useLoad(loadFigures, 'dashboard');
  const live = useLive(null, {}, () => figures.reload(), 5000);

  return (
    <div className="dashboard">
      <p className="toolbar">
        <small>Charts {live}.</small>
      </p>
      <Guard what="the dashboard" loadable={figures} isEmpty={(f) => f.requests.length === 0 && f.clients.length === 0} empty="No requests yet.">
        {(f) => {
          const backlog = backlogByDepartment(f.requests);
          const compliance = slaCompliance(f.requests);
          const cycle = cycleTimePercentiles(f.cycleTimes);
          const overTime = requestsOverTime(f.requests);
          return (
            <div className="charts">
              <Chart title="Backlog by department" summary={`${openRequestCount(f.requests)} open requests`} testId="backlog">
                <BarChart data={backlog}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="department" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="Queued" stackId="a" fill={palette[0]} />
                  <Bar dataKey="Claimed" stackId="a" fill={palette[1]} />
                  <Bar dataKey="InProgress" name="In progress" stackId="a" fill={palette[2]} />
                </BarChart>
              </Chart>
              <Chart title="SLA compliance (%)" summary={compliance.map((c) => `${c.department} ${c.compliance}%`).join(', ')} testId="sla">
                <BarChart data={compliance}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="department" />
                  <YAxis domain={[0, 100]} />
                  <Tooltip />
                  <Bar dataKey="compliance" fill={palette[2]} />
                </BarChart>
              </Chart>
              <Chart
                title="Cycle time, submitted to fulfilled (hours)"
                summary={cycle.map((c) => `${c.percentile} ${c.hours === null ? 'n/a' : c.hours.toFixed(2)}`).join(', ')}
                testId="cycle"
              >
                <BarChart data={cycle.map((c) => ({ ...c, hours: c.hours ?? 0 }))}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="percentile" />
                  <YAxis />
                  <Tooltip />
                  <Bar dataKey="hours" fill={palette[4]} />
                </BarChart>
              </Chart>
              <Chart title="Requests over time by type" summary={`${f.requests.length} requests over ${overTime.rows.length} days`} testId="over-time">
                <LineChart data={overTime.rows}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="day" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  {overTime.types.map((t, i) => (
                    <Line key={t} dataKey={t} stroke={palette[i % palette.length]} isAnimationActive={false} />
                  ))}
                </LineChart>
              </Chart>
              <Chart title="Client health" summary={f.clients.map((c) => `${c.name} ${c.health.score} (${c.health.band})`).join(', ')} testId="health">
                <BarChart data={f.clients.map((c) => ({ name: c.name, score: c.health.score, band: c.health.band }))}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" />
                  <YAxis domain={[0, 100]} />
                  <Tooltip />
                  <Bar dataKey="score">
                    {f.clients.map((c) => (
                      <Cell key={c.id} fill={bandColour[c.health.band] ?? palette[0]} />
                    ))}
                  </Bar>
                </BarChart>
              </Chart>
            </div>
          );
        }}
      </Guard>
    </div>
  );
}

/** A chart with a heading and its figures in words, for screen readers and for tests. */
function Chart({ title, summary, testId, children }: { title: string; summary: string; testId: string; children: React.ReactElement }) {
  return (
    <figure className="card chart" data-chart={testId}>
      <figcaption>
        <h2>{title}</h2>
        <p className="summary">{summary || 'No data yet.'}</p>
      </figcaption>
      <div className="plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={240}>
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
