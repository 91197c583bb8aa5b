/** The signed-in user and their bearer token, kept for this browser tab only. */
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

/** Development only: the gateway lists demo users and issues their tokens (README, ADR 0005). */
export async function listDemoUsers(): Promise<DemoUser[]> {
  const response = await fetch('/dev/users');
  if (!response.ok) throw new Error(`Demo users are not available here (HTTP ${response.status}); paste a bearer token instead.`);
  return (await response.json()) as DemoUser[];
}

export async function signInAsDemoUser(userId: string): Promise<Session> {
  const response = await fetch(`/dev/token/${encodeURIComponent(userId)}`, { method: 'POST' });
  if (!response.ok) throw new Error(`No token for '${userId}' (HTTP ${response.status}).`);
  const body = (await response.json()) as { accessToken: string; user: DemoUser };
  return { token: body.accessToken, user: body.user };
}

export const hasRole = (user: DemoUser, ...roles: string[]) => roles.some((r) => user.roles.includes(r));
