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

  const config = { authority: 'http://idp.example/identity/', clientId: 'client-requests-console', scope: 'openid client-requests' };

  it('says sign-in is unavailable, and offers to try again, when the provider cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      if (url === '/console/config.json') return Response.json(config);
      throw new TypeError('Failed to fetch');
    }));
    render(<App />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Sign-in is unavailable' })).toBeTruthy();
    expect(screen.getByText(/idp.example/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('signs in with a pasted token, asking the platform who it belongs to', async () => {
    const alice = { id: 'alice', name: 'Alice Martin', roles: ['account-manager'], departments: [] };
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/console/config.json') return Response.json(config);
      if (url === '/graphql' && String(init?.body).includes('me {')) return Response.json({ data: { me: alice } });
      return Response.json({ data: { myClients: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } }, requests: { nodes: [] } } });
    }));
    render(<App />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Access token from your identity provider'), 'token-a');
    await user.click(screen.getByRole('button', { name: 'Use this token' }));
    await screen.findByRole('button', { name: 'Sign out' });
    expect(JSON.parse(sessionStorage.getItem('clientrequests.session')!).token).toBe('token-a');
    await waitFor(() => expect(screen.getByText(/You have no clients in your book yet/)).toBeTruthy());
  });
});
