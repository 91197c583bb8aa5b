import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphQL } from '../test-fetch';
import { MyInbox } from './MyInbox';

afterEach(() => vi.unstubAllGlobals());

const notification = (id: string, title: string) => ({ id, kind: 'comment-added', title, createdAt: '2026-11-29T10:00:00Z', requestId: 'r1' });

describe('MyInbox', () => {
  it('shows the unread count and the caller\'s work, and marks a notification read through the mutation', async () => {
    let unread = [notification('n1', 'carol commented on Invoice'), notification('n2', 'carol claimed Invoice')];
    const { sent } = fakeGraphQL({
      MyInbox: () => ({
        me: {
          unreadNotifications: unread.length,
          notifications: { nodes: unread },
          work: { nodes: [{ id: 'w1', title: 'Refund', status: 'Claimed', departmentCode: 'billing', dueAt: '2026-11-30T10:00:00Z', atRisk: true }], pageInfo: { hasNextPage: false } },
        },
      }),
      MarkRead: (v) => {
        unread = unread.filter((n) => !(v.ids as string[]).includes(n.id));
        return { markNotificationsRead: { marked: 1, unreadNotifications: unread.length } };
      },
    });
    const user = userEvent.setup();
    render(<MyInbox />);

    const toggle = await screen.findByRole('button', { name: /Notifications 2 · My work 1/ });
    await user.click(toggle);
    const panel = screen.getByRole('region', { name: 'My notifications and work' });
    expect(within(panel).getByText(/Refund/).textContent).toContain('at risk');

    await user.click(within(panel).getByRole('button', { name: 'Mark "carol claimed Invoice" read' }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Notifications 1/ })).toBeTruthy());
    expect(sent.find((s) => s.operation === 'MarkRead')!.variables).toEqual({ ids: ['n2'] });
    expect(within(panel).queryByText('carol claimed Invoice')).toBeNull();
  });

  it('shows nothing when the inbox cannot be read', async () => {
    fakeGraphQL({});
    const { container } = render(<MyInbox />);
    await waitFor(() => expect(container.innerHTML).toBe(''));
  });
});
