import { describe, expect, it } from 'vitest';
import { backlogByDepartment, cycleTimePercentiles, percentile, requestsOverTime, slaCompliance, type DashboardRequest } from './dashboard';

const request = (over: Partial<DashboardRequest>): DashboardRequest => ({
  id: 'r',
  type: 'billing',
  status: 'Routed',
  submittedAt: '2026-11-28T10:00:00Z',
  clientName: 'Acme',
  sla: { breached: false, atRisk: false },
  workItems: [],
  ...over,
});

describe('dashboard figures', () => {
  it('counts only open work items in the backlog, by stage', () => {
    const rows = backlogByDepartment([
      request({ workItems: [{ departmentCode: 'legal', status: 'Queued' }, { departmentCode: 'billing', status: 'Claimed' }] }),
      request({ workItems: [{ departmentCode: 'billing', status: 'InProgress' }, { departmentCode: 'billing', status: 'Completed' }] }),
    ]);
    expect(rows).toEqual([
      { department: 'billing', Queued: 0, Claimed: 1, InProgress: 1 },
      { department: 'legal', Queued: 1, Claimed: 0, InProgress: 0 },
    ]);
  });

  it('gives SLA compliance per department as the share of requests not breached', () => {
    const rows = slaCompliance([
      request({ workItems: [{ departmentCode: 'billing', status: 'Completed' }] }),
      request({ sla: { breached: true, atRisk: false }, workItems: [{ departmentCode: 'billing', status: 'Queued' }] }),
      request({ workItems: [{ departmentCode: 'billing', status: 'Queued' }, { departmentCode: 'billing', status: 'HandedOver' }] }),
    ]);
    expect(rows).toEqual([{ department: 'billing', compliance: 67, requests: 3 }]);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 99)).toBe(4);
    expect(cycleTimePercentiles([7_200_000, 3_600_000])).toEqual([
      { percentile: 'p50', hours: 1 },
      { percentile: 'p90', hours: 2 },
      { percentile: 'p99', hours: 2 },
    ]);
  });

  it('counts requests per day and type', () => {
    const { types, rows } = requestsOverTime([
      request({ type: 'billing', submittedAt: '2026-11-28T10:00:00Z' }),
      request({ type: 'complaint', submittedAt: '2026-11-28T11:00:00Z' }),
      request({ type: 'billing', submittedAt: '2026-11-27T09:00:00Z' }),
    ]);
    expect(types).toEqual(['billing', 'complaint']);
    expect(rows).toEqual([
      { day: '2026-11-27', billing: 1, complaint: 0 },
      { day: '2026-11-28', billing: 1, complaint: 1 },
    ]);
  });
});
