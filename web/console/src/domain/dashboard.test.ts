import { describe, expect, it } from 'vitest';
import {
  backlogRows,
  complianceRows,
  complianceSummary,
  cycleTimeBars,
  openWorkItemCount,
  requestsOverTime,
  type Dashboard,
  type SlaCompliance,
} from './dashboard';

const sla = (over: Partial<SlaCompliance>): SlaCompliance => ({
  key: 'billing',
  name: 'Billing',
  closed: 0,
  closedWithinSla: 0,
  compliance: null,
  breachedOpen: 0,
  atRiskOpen: 0,
  ...over,
});

const dashboard = (over: Partial<Dashboard>): Dashboard => ({
  days: 30,
  from: '2026-10-31T00:00:00Z',
  asOf: '2026-11-29T12:00:00Z',
  backlog: [],
  slaByDepartment: [],
  slaByClient: [],
  cycleTime: { fulfilled: 0, p50Hours: null, p90Hours: null, p99Hours: null, sampled: false },
  requestsOverTime: [],
  requestsOverTimeTruncated: false,
  clientHealth: [],
  ...over,
});

describe('dashboard shaping', () => {
  it('stacks the backlog by stage, counting assigned work as queued', () => {
    const d = dashboard({
      backlog: [
        { departmentCode: 'billing', departmentName: 'Billing', open: 4, byStatus: [{ status: 'Assigned', count: 1 }, { status: 'Queued', count: 1 }, { status: 'Claimed', count: 2 }] },
        { departmentCode: 'legal', departmentName: 'Legal', open: 1, byStatus: [{ status: 'InProgress', count: 1 }] },
      ],
    });
    expect(backlogRows(d)).toEqual([
      { department: 'billing', Queued: 2, Claimed: 2, InProgress: 0 },
      { department: 'legal', Queued: 0, Claimed: 0, InProgress: 1 },
    ]);
    expect(openWorkItemCount(d)).toBe(5);
  });

  it('shows compliance in whole percent and n/a when nothing closed', () => {
    const rows = [sla({ closed: 3, closedWithinSla: 2, compliance: 2 / 3, breachedOpen: 1 }), sla({ key: 'legal', name: 'Legal', atRiskOpen: 2 })];
    expect(complianceRows(rows)).toEqual([
      { name: 'Billing', compliance: 67, closed: 3, breachedOpen: 1, atRiskOpen: 0 },
      { name: 'Legal', compliance: null, closed: 0, breachedOpen: 0, atRiskOpen: 2 },
    ]);
    expect(complianceSummary(rows)).toBe('Billing 67% of 3, 1 breached open; Legal n/a');
  });

  it('passes the service’s percentiles through, null when nothing was fulfilled', () => {
    expect(cycleTimeBars(dashboard({ cycleTime: { fulfilled: 3, p50Hours: 1.5, p90Hours: 4, p99Hours: 4, sampled: false } }))).toEqual([
      { percentile: 'p50', hours: 1.5 },
      { percentile: 'p90', hours: 4 },
      { percentile: 'p99', hours: 4 },
    ]);
    expect(cycleTimeBars(dashboard({})).map((b) => b.hours)).toEqual([null, null, null]);
  });

  it('pivots the daily counts to a row per day and a column per type', () => {
    const { types, rows, total } = requestsOverTime(
      dashboard({
        requestsOverTime: [
          { day: '2026-11-28', type: 'billing', count: 2 },
          { day: '2026-11-27', type: 'billing', count: 1 },
          { day: '2026-11-28', type: 'complaint', count: 1 },
        ],
      }),
    );
    expect(types).toEqual(['billing', 'complaint']);
    expect(rows).toEqual([
      { day: '2026-11-27', billing: 1, complaint: 0 },
      { day: '2026-11-28', billing: 2, complaint: 1 },
    ]);
    expect(total).toBe(4);
  });
});
