import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { saveSession, type DemoUser, type Session } from './session';

/** Served by the gateway at /console/config.json: which OpenID Connect provider the console signs in with. */
export interface AuthConfig {
  authority: string;
  clientId: string;
  scope: string;
}

export const basePath = '/console/';
export const callbackPath = `${basePath}signin-callback`;
export const silentRenewPath = `${basePath}silent-renew`;

let manager: UserManager | null = null;

export async function loadAuthConfig(): Promise<AuthConfig> {
  const response = await fetch(`${basePath}config.json`);
  if (!response.ok) throw new Error(`The console's sign-in settings are not available (HTTP ${response.status}).`);
  return (await response.json()) as AuthConfig;
}

/**
 * One UserManager for the tab: authorization code + PKCE, tokens in sessionStorage, renewed before they expire
 * (with the refresh token when the provider gave one, else a hidden iframe on silent-renew).
 */
export function userManager(config: AuthConfig): UserManager {
  if (manager) return manager;
  const origin = window.location.origin;
  manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    scope: config.scope,
    response_type: 'code',
    redirect_uri: origin + callbackPath,
    silent_redirect_uri: origin + silentRenewPath,
    post_logout_redirect_uri: origin + basePath,
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
  manager.events.addUserLoaded((user) => renewed(user));
  return manager;
}

/** A renewed access token replaces the old one in the session every API call reads. */
function renewed(user: User) {
  const raw = sessionStorage.getItem('clientrequests.session');
  if (!raw) return;
  const session = JSON.parse(raw) as Session;
  saveSession({ ...session, token: user.access_token });
}

/** Who the token belongs to, as the platform maps it (any provider's claim names): GraphQL's `me`. */
export async function sessionFor(token: string): Promise<Session> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { id name roles departments } }' }),
  });
  if (!response.ok) throw new Error(`The gateway refused this token (HTTP ${response.status}).`);
  const me = (await response.json()).data.me as DemoUser & { name: string | null };
  return { token, user: { id: me.id, name: me.name ?? me.id, roles: me.roles, departments: me.departments } };
}
