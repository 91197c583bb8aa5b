import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { gql } from '../api/graphql';
import { useLive, useLoad } from '../api/hooks';
import { DASHBOARD } from '../api/queries';
import { Guard } from '../components/States';
import {
  backlogRows,
  complianceRows,
  complianceSummary,
  cycleTimeBars,
  openWorkItemCount,
  requestsOverTime,
  type Dashboard,
} from '../domain/dashboard';

const palette = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2'];
const bandColour: Record<string, string> = { healthy: '#059669', watch: '#d97706', 'at-risk': '#dc2626' };
const days = 30;

/** One query: the services aggregate over what the caller may see (ADR 0021); the browser only draws. */
async function loadDashboard(): Promise<Dashboard> {
  return (await gql<{ dashboard: Dashboard }>(DASHBOARD, { days })).dashboard;
}

export function DashboardPage() {
  const figures = useLoad(loadDashboard, 'dashboard');
  const live = useLive(null, {}, () => figures.reload(), 5000);

  return (
    <div className="dashboard">
      <p className="toolbar">
        <small>
          Last {days} days, charts {live}.
        </small>
      </p>
      <Guard
        what="the dashboard"
        loadable={figures}
        isEmpty={(d) => d.backlog.length === 0 && d.slaByClient.length === 0 && d.requestsOverTime.length === 0 && d.clientHealth.length === 0}
        empty="No requests yet."
      >
        {(d) => {
          const cycle = cycleTimeBars(d);
          const overTime = requestsOverTime(d);
          return (
            <div className="charts">
              <Chart title="Backlog by department" summary={`${openWorkItemCount(d)} open work items`} testId="backlog">
                <BarChart data={backlogRows(d)}>
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
              <Chart title="SLA compliance by department (%)" summary={complianceSummary(d.slaByDepartment)} testId="sla">
                <BarChart data={complianceRows(d.slaByDepartment)}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" />
                  <YAxis domain={[0, 100]} />
                  <Tooltip />
                  <Bar dataKey="compliance" fill={palette[2]} />
                </BarChart>
              </Chart>
              <Chart title="SLA compliance by client (%)" summary={complianceSummary(d.slaByClient)} testId="sla-clients">
                <BarChart data={complianceRows(d.slaByClient)}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" />
                  <YAxis domain={[0, 100]} />
                  <Tooltip />
                  <Bar dataKey="compliance" fill={palette[5]} />
                </BarChart>
              </Chart>
              <Chart
                title="Cycle time, submitted to fulfilled (hours)"
                summary={`${cycle.map((c) => `${c.percentile} ${c.hours === null ? 'n/a' : c.hours.toFixed(2)}`).join(', ')} over ${d.cycleTime.fulfilled} fulfilled`}
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
              <Chart title="Requests over time by type" summary={`${overTime.total} requests over ${overTime.rows.length} days`} testId="over-time">
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
              <Chart title="Client health" summary={d.clientHealth.map((c) => `${c.name} ${c.health.score} (${c.health.band})`).join(', ')} testId="health">
                <BarChart data={d.clientHealth.map((c) => ({ name: c.name, score: c.health.score, band: c.health.band }))}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" />
                  <YAxis domain={[0, 100]} />
                  <Tooltip />
                  <Bar dataKey="score">
                    {d.clientHealth.map((c) => (
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
