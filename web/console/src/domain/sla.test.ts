import { describe, expect, it } from 'vitest';
import { formatDuration, slaState } from './sla';

describe('SLA countdown', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');

  it('counts down to the target', () => {
    expect(slaState('Routed', { dueAt: '2026-11-29T14:30:00Z', atRisk: false, breached: false }, now))
      .toEqual({ label: '2h 30m left', tone: 'ok' });
  });

  it('warns when at risk and tells how late when breached', () => {
    expect(slaState('InProgress', { dueAt: '2026-11-29T12:05:00Z', atRisk: true, breached: false }, now).tone).toBe('risk');
    expect(slaState('InProgress', { dueAt: '2026-11-29T11:00:00Z', atRisk: false, breached: true }, now))
      .toEqual({ label: 'Overdue by 1h 0m', tone: 'breached' });
  });

  it('stops counting once the request is closed', () => {
    expect(slaState('Fulfilled', { dueAt: '2026-11-29T11:00:00Z', atRisk: false, breached: false }, now).label).toBe('Closed');
  });

  it('formats seconds, hours and days', () => {
    expect(formatDuration(65_000)).toBe('1m 05s');
    expect(formatDuration(3 * 86_400_000 + 7_200_000)).toBe('3d 2h');
  });
});
