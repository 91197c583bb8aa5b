import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, pagesFor } from './App';

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const user = (roles: string[], departments: string[] = []) => ({ token: 't', user: { id: 'u', name: 'U', roles, departments } });

describe('App', () => {
  it('opens the pages each role works in', () => {
    expect(pagesFor(user(['account-manager'])).map((p) => p.id)).toEqual(['requests', 'dashboard']);
    expect(pagesFor(user(['department-agent'], ['billing'])).map((p) => p.id)).toEqual(['queue', 'dashboard']);
    expect(pagesFor(user(['analyst'])).map((p) => p.id)).toEqual(['dashboard']);
  });

  it('signs in as a demo user with the token the gateway issues in Development', async () => {
    const alice = { id: 'alice', name: 'Alice Martin', roles: ['account-manager'], departments: [] };
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url === '/dev/users') return Response.json([alice]);
      if (url === '/dev/token/alice') return Response.json({ accessToken: 'token-a', tokenType: 'Bearer', user: alice });
      return Response.json({ data: { myClients: [], requests: { nodes: [] } } });
    }));
    render(<App />);
    await userEvent.setup().click(await screen.findByRole('button', { name: /Alice Martin/ }));
    await screen.findByRole('button', { name: 'Sign out' });
    expect(JSON.parse(sessionStorage.getItem('clientrequests.session')!).token).toBe('token-a');
    await waitFor(() => expect(screen.getByText(/You have no clients in your book yet/)).toBeTruthy());
  });

  it('offers the token form when the gateway has no demo users', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 404 })));
    render(<App />);
    expect(await screen.findByText(/Demo users are not available here/)).toBeTruthy();
    expect(screen.getByLabelText('Access token from your identity provider')).toBeTruthy();
  });
});
