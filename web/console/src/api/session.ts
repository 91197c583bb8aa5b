/** The signed-in user and their bearer token, kept for this browser tab only (oidc-client-ts keeps its own copy and renews it). */
export interface DemoUser {
  id: string;
  name: string;
  roles: string[];
  departments: string[];
}

export interface Session {
  token: string;
  user: DemoUser;
}

const key = 'clientrequests.session';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(key, JSON.stringify(session));
  else sessionStorage.removeItem(key);
}

export const hasRole = (user: DemoUser, ...roles: string[]) => roles.some((r) => user.roles.includes(r));
