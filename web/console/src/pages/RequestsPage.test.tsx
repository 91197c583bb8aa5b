import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphQL } from '../test-fetch';
import { RequestsPage } from './RequestsPage';

afterEach(() => vi.unstubAllGlobals());

const client = (n: number) => ({ id: `c-${n}`, name: `Client ${n}`, tier: 'standard', status: 'active', health: { score: 100, band: 'healthy' } });

describe('My clients', () => {
  it('pages on by cursor past the first page, each client linking to its 360', async () => {
    const { sent } = fakeGraphQL({
      MyClients: (v) =>
        v.after === 'p2'
          ? { myClients: { nodes: [client(50), client(51)], pageInfo: { hasNextPage: false, endCursor: null } } }
          : { myClients: { nodes: Array.from({ length: 50 }, (_, i) => client(i)), pageInfo: { hasNextPage: true, endCursor: 'p2' } } },
      MyRequests: () => ({ requests: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } }),
      Departments: () => ({ departments: [] }),
      Suggest: () => ({ suggestDepartments: { departments: [], matchedRule: null } }),
    });
    const alice = { token: 't', user: { id: 'alice', name: 'Alice', roles: ['account-manager'], departments: [] } };
    render(<RequestsPage session={alice} />);

    const list = (await screen.findByRole('heading', { name: 'My clients' })).closest('section')!;
    await within(list).findByText('50 shown');
    await userEvent.setup().click(within(list).getByRole('button', { name: 'More clients' }));

    await within(list).findByText('52 shown');
    expect(within(list).getByRole('link', { name: 'Client 51' }).getAttribute('href')).toBe('#/clients/c-51');
    expect(within(list).queryByRole('button', { name: 'More clients' })).toBeNull();
    expect(sent.filter((s) => s.operation === 'MyClients').map((s) => s.variables.after ?? null)).toEqual([null, 'p2']);
  });
});
