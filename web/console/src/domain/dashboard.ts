/** The dashboard's figures, computed from what the GraphQL API returns for the caller's requests. */
export interface DashboardRequest {
  id: string;
  type: string;
  status: string;
  submittedAt: string;
  clientName: string;
  sla: { breached: boolean; atRisk: boolean };
  workItems: { departmentCode: string; status: string }[];
}

const openWork = ['Assigned', 'Queued', 'Claimed', 'InProgress'];
const closedRequest = ['Fulfilled', 'Rejected', 'Cancelled'];

/** Open work items per department, split by stage. */
export function backlogByDepartment(requests: DashboardRequest[]) {
  const rows = new Map<string, { department: string; Queued: number; Claimed: number; InProgress: number }>();
  for (const request of requests)
    for (const item of request.workItems) {
      if (!openWork.includes(item.status)) continue;
      const row = rows.get(item.departmentCode) ?? { department: item.departmentCode, Queued: 0, Claimed: 0, InProgress: 0 };
      if (item.status === 'Claimed') row.Claimed++;
      else if (item.status === 'InProgress') row.InProgress++;
      else row.Queued++;
      rows.set(item.departmentCode, row);
    }
  return [...rows.values()].sort((a, b) => a.department.localeCompare(b.department));
}

/** Share of requests not breached, per department the request reached (a request counts once per department). */
export function slaCompliance(requests: DashboardRequest[]) {
  const rows = new Map<string, { total: number; met: number }>();
  for (const request of requests)
    for (const department of new Set(request.workItems.map((w) => w.departmentCode))) {
      const row = rows.get(department) ?? { total: 0, met: 0 };
      row.total++;
      if (!request.sla.breached) row.met++;
      rows.set(department, row);
    }
  return [...rows.entries()]
    .map(([department, r]) => ({ department, compliance: Math.round((100 * r.met) / r.total), requests: r.total }))
    .sort((a, b) => a.department.localeCompare(b.department));
}

/** Nearest-rank percentile of sorted values; null for none. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** p50, p90 and p99 of cycle times in hours (submitted to fulfilled). */
export function cycleTimePercentiles(cycleTimesMs: number[]) {
  const hours = [...cycleTimesMs].sort((a, b) => a - b).map((ms) => ms / 3_600_000);
  return [50, 90, 99].map((p) => ({ percentile: `p${p}`, hours: percentile(hours, p) }));
}

/** Requests submitted per day, one series per type. */
export function requestsOverTime(requests: DashboardRequest[]) {
  const types = [...new Set(requests.map((r) => r.type))].sort();
  const days = new Map<string, Record<string, number | string>>();
  for (const request of requests) {
    const day = request.submittedAt.slice(0, 10);
    const row = days.get(day) ?? Object.fromEntries([['day', day], ...types.map((t) => [t, 0])]);
    row[request.type] = (row[request.type] as number) + 1;
    days.set(day, row);
  }
  return { types, rows: [...days.values()].sort((a, b) => String(a.day).localeCompare(String(b.day))) };
}

export function openRequestCount(requests: DashboardRequest[]) {
  return requests.filter((r) => !closedRequest.includes(r.status)).length;
}
