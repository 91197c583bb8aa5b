import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphQL } from '../test-fetch';
import { ClientPage } from './ClientPage';

afterEach(() => vi.unstubAllGlobals());

const months = Array.from({ length: 12 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, ratings: i === 11 ? 2 : 0, average: i === 11 ? 4.5 : null }));

describe('ClientPage', () => {
  it('shows the client whole: health reasons, open requests with their clock, activity, satisfaction, contacts and team', async () => {
    const due = new Date(Date.now() - 3600_000).toISOString();
    fakeGraphQL({
      Client360: () => ({
        client: {
          id: 'c1', name: 'Acme Corporation', tier: 'strategic', status: 'active',
          health: { score: 62, band: 'watch', reasons: [{ code: 'complaints', text: '2 complaints in 90 days, 2 in the last 30', points: -31.5 }],
            requests: 4, complaints: 2, complaintsLast30Days: 2, medianHoursToFulfil: null, slaBreaches: 1, slaAtRisk: 0,
            satisfactionRatings: 2, averageSatisfaction: 4.5, satisfactionTrend: null },
          accountTeam: { manager: { id: 'alice', name: 'Alice Martin' }, executives: [{ id: 'bob', name: null }] },
          contacts: [{ id: 'p1', name: 'Wile E. Coyote', role: 'Head of Procurement', email: 'wile@acme.example', phone: null }],
          openRequestCount: 1,
          openRequests: [{ id: 'r1', title: 'Invoice charged twice', type: 'billing', priority: 'P2', status: 'InProgress', submittedAt: due,
            sla: { state: 'breached', firstResponseDueAt: null, resolutionDueAt: due, atRiskAt: null, elapsedBusinessMinutes: 600, atRisk: false, breached: true } }],
          recentEvents: [{ requestId: 'r1', requestTitle: 'Invoice charged twice',
            event: { id: 'e1', at: due, kind: 'comment', actorId: 'alice', departmentCode: null, status: null, text: 'Calling them tomorrow.' } }],
          satisfaction: months,
        },
      }),
    });
    render(<ClientPage id="c1" />);

    expect(await screen.findByRole('heading', { name: 'Acme Corporation' })).toBeTruthy();
    const health = screen.getByRole('heading', { name: 'Health' }).closest('section')!;
    expect(within(health).getByText('2 complaints in 90 days, 2 in the last 30')).toBeTruthy();
    expect(within(health).getByText('−31.5')).toBeTruthy();
    const open = screen.getByRole('heading', { name: 'Open requests (1)' }).closest('section')!;
    expect(within(open).getByText(/^Overdue by/)).toBeTruthy();
    expect(screen.getByText('Calling them tomorrow.')).toBeTruthy();
    expect(screen.getByText('4.50 / 5 over 12 months')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'wile@acme.example' })).toBeTruthy();
    const team = screen.getByRole('heading', { name: 'Account team' }).closest('section')!;
    expect(within(team).getByText('Alice Martin')).toBeTruthy();
    expect(within(team).getByText('bob')).toBeTruthy();
  });

  it('says so when the client is not in the caller’s book', async () => {
    fakeGraphQL({ Client360: () => ({ client: null }) });
    render(<ClientPage id="c2" />);
    expect(await screen.findByText('There is no such client in your book.')).toBeTruthy();
  });
});
