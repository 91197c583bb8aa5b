/** The dashboard as the gateway answers it (figures computed by the services), and its shaping into chart rows. */
export interface SlaCompliance {
  key: string;
  name: string;
  closed: number;
  closedWithinSla: number;
  /** 0 to 1; null when nothing closed in the window. */
  compliance: number | null;
  breachedOpen: number;
  atRiskOpen: number;
}

export interface Dashboard {
  days: number;
  from: string;
  asOf: string;
  backlog: { departmentCode: string; departmentName: string; open: number; byStatus: { status: string; count: number }[] }[];
  slaByDepartment: SlaCompliance[];
  slaByClient: SlaCompliance[];
  cycleTime: { fulfilled: number; p50Hours: number | null; p90Hours: number | null; p99Hours: number | null; sampled: boolean };
  requestsOverTime: { day: string; type: string; count: number }[];
  requestsOverTimeTruncated: boolean;
  clientHealth: { id: string; name: string; health: { score: number; band: string } }[];
}

/** Open work items per department, stacked by stage: Assigned (not yet in the queue) counts as Queued. */
export function backlogRows(dashboard: Dashboard) {
  return dashboard.backlog.map((department) => {
    const row = { department: department.departmentCode, Queued: 0, Claimed: 0, InProgress: 0 };
    for (const { status, count } of department.byStatus) {
      if (status === 'Claimed') row.Claimed += count;
      else if (status === 'InProgress') row.InProgress += count;
      else row.Queued += count;
    }
    return row;
  });
}

export function openWorkItemCount(dashboard: Dashboard) {
  return dashboard.backlog.reduce((sum, department) => sum + department.open, 0);
}

/** Compliance in whole percent (null when nothing closed), with what is breached or at risk now. */
export function complianceRows(rows: SlaCompliance[]) {
  return rows.map((r) => ({
    name: r.name,
    compliance: r.compliance === null ? null : Math.round(r.compliance * 100),
    closed: r.closed,
    breachedOpen: r.breachedOpen,
    atRiskOpen: r.atRiskOpen,
  }));
}

/** One line of words per row, for the chart's summary: "Billing 67% of 3, 1 breached open". */
export function complianceSummary(rows: SlaCompliance[]) {
  return complianceRows(rows)
    .map((r) => `${r.name} ${r.compliance === null ? 'n/a' : `${r.compliance}% of ${r.closed}`}${r.breachedOpen > 0 ? `, ${r.breachedOpen} breached open` : ''}`)
    .join('; ');
}

export function cycleTimeBars(dashboard: Dashboard) {
  const { p50Hours, p90Hours, p99Hours } = dashboard.cycleTime;
  return [
    { percentile: 'p50', hours: p50Hours },
    { percentile: 'p90', hours: p90Hours },
    { percentile: 'p99', hours: p99Hours },
  ];
}

/** The daily counts pivoted to one row per day and one column per type (0 where a type had none that day). */
export function requestsOverTime(dashboard: Dashboard) {
  const types = [...new Set(dashboard.requestsOverTime.map((d) => d.type))].sort();
  const days = new Map<string, Record<string, number | string>>();
  for (const { day, type, count } of dashboard.requestsOverTime) {
    const row = days.get(day) ?? Object.fromEntries([['day', day], ...types.map((t) => [t, 0])]);
    row[type] = (row[type] as number) + count;
    days.set(day, row);
  }
  const rows = [...days.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  const total = dashboard.requestsOverTime.reduce((sum, d) => sum + d.count, 0);
  return { types, rows, total };
}
