import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphQL } from '../test-fetch';
import { QueuePage } from './QueuePage';

const item = (id: string, status: string, claimedBy: string | null = null) => ({
  id, requestId: 'r-' + id, clientId: 'c1', type: 'billing', priority: 'P2', title: `Item ${id}`, status, claimedBy,
  queuedAt: '2026-11-29T10:00:00Z',
});

afterEach(() => vi.unstubAllGlobals());

describe('QueuePage', () => {
  const carol = { token: 't', user: { id: 'carol', name: 'Carol', roles: ['department-agent'], departments: ['billing'] } };

  it('lays the queue out as a board and claims an item through the GraphQL mutation', async () => {
    let items = [item('1', 'Queued'), item('2', 'Claimed', 'carol'), item('3', 'InProgress', 'carol')];
    const { sent } = fakeGraphQL({
      Queue: () => ({ queue: { items } }),
      Step: (v) => {
        items = items.map((i) => (i.id === v.workItemId ? { ...i, status: 'Claimed', claimedBy: 'carol' } : i));
        return { claimWorkItem: { id: v.workItemId, status: 'Claimed', claimedBy: 'carol' } };
      },
    });
    const user = userEvent.setup();
    render(<QueuePage session={carol} />);

    const queued = (await screen.findByRole('heading', { name: /Queued/ })).closest('section')!;
    const card = within(queued).getByRole('article', { name: 'Item 1' });
    expect(within(screen.getByRole('heading', { name: /In progress/ }).closest('section')!).getByRole('article', { name: 'Item 3' })).toBeTruthy();
    // No subscription in this schema: the page says it polls instead.
    await screen.findByText(/refreshing every 3 s/);

    await user.click(within(card).getByRole('button', { name: 'Claim' }));
    await waitFor(() => expect(within(screen.getByRole('heading', { name: /Claimed/ }).closest('section')!).getByRole('article', { name: 'Item 1' })).toBeTruthy());
    expect(sent.find((s) => s.operation === 'Step')!.variables).toEqual({ departmentCode: 'billing', workItemId: '1' });
    expect(screen.queryByRole("heading", { name: "Members' load" })).toBeNull();
  });

  it('says so when the queue is empty and when it cannot be read', async () => {
    fakeGraphQL({ Queue: () => ({ queue: { items: [] } }) });
    const { unmount } = render(<QueuePage session={carol} />);
    await screen.findByText(/all caught up/);
    unmount();

    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('offline'); }));
    render(<QueuePage session={carol} />);
    expect((await screen.findByRole('alert')).textContent).toContain('cannot be reached');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
