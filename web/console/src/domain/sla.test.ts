import { describe, expect, it } from 'vitest';
import { formatDuration, slaState } from './sla';

describe('SLA countdown', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');
  const clock = (state: string, resolutionDueAt: string | null, atRiskAt: string | null = null) => ({ state, resolutionDueAt, atRiskAt });

  it('counts down to the resolution target', () => {
    expect(slaState('Routed', clock('on-track', '2026-11-29T14:30:00Z'), now)).toEqual({ label: '2h 30m left', tone: 'ok' });
  });

  it('warns when at risk, by the state or once the at-risk instant has passed', () => {
    expect(slaState('InProgress', clock('at-risk', '2026-11-29T12:05:00Z'), now).tone).toBe('risk');
    expect(slaState('InProgress', clock('on-track', '2026-11-29T13:00:00Z', '2026-11-29T11:59:00Z'), now).tone).toBe('risk');
  });

  it('tells how late a breached clock is, in red', () => {
    expect(slaState('InProgress', clock('breached', '2026-11-29T11:00:00Z'), now)).toEqual({ label: 'Overdue by 1h 0m', tone: 'breached' });
    // Past its instant before the server noticed: already overdue.
    expect(slaState('InProgress', clock('on-track', '2026-11-29T11:30:00Z'), now).tone).toBe('breached');
  });

  it('checks a breach before "no target": a breached clock without an instant is red, not green', () => {
    expect(slaState('WaitingOnClient', clock('breached', null), now)).toEqual({ label: 'Breached', tone: 'breached' });
    expect(slaState('Routed', clock('on-track', null), now)).toEqual({ label: 'No target', tone: 'ok' });
  });

  it('says a paused clock waits on the client instead of counting', () => {
    expect(slaState('WaitingOnClient', clock('paused', null), now).label).toBe('Paused while waiting on the client');
  });

  it("shows a department's finished part as met or missed while the request goes on", () => {
    expect(slaState('Completed', clock('met', '2026-11-29T13:00:00Z'), now)).toEqual({ label: 'Met its target', tone: 'done' });
    expect(slaState('Completed', clock('missed', '2026-11-29T11:00:00Z'), now)).toEqual({ label: 'Missed its target', tone: 'breached' });
  });

  it('stops counting once the request is closed', () => {
    expect(slaState('Fulfilled', clock('met', '2026-11-29T11:00:00Z'), now).label).toBe('Closed');
    expect(slaState('Fulfilled', clock('missed', '2026-11-29T11:00:00Z'), now).label).toBe('Closed after its target');
  });

  it('formats seconds, hours and days', () => {
    expect(formatDuration(65_000)).toBe('1m 05s');
    expect(formatDuration(3 * 86_400_000 + 7_200_000)).toBe('3d 2h');
  });
});
