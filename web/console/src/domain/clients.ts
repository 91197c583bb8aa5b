/** The client 360's pure parts: its route, paging the book, and words for what it shows. */

/** The client a hash names (`#/clients/{id}`), or null when it names a page instead. */
export function clientFromHash(hash: string): string | null {
  const match = /^#\/?clients\/([0-9A-Za-z-]{1,64})$/.exec(hash);
  return match ? decodeURIComponent(match[1]) : null;
}

export const clientHash = (id: string) => `#/clients/${encodeURIComponent(id)}`;

/** A page of the book appended to what is shown: a row already shown (the book changed between pages) is not repeated. */
export function appendPage<T extends { id: string }>(shown: T[], page: T[]): T[] {
  const seen = new Set(shown.map((c) => c.id));
  return [...shown, ...page.filter((c) => !seen.has(c.id))];
}

/** A health reason's points as the clients service adds them to 100: a cost is negative, good ratings give points back. */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  if (rounded === 0) return '±0';
  return rounded > 0 ? `+${rounded.toFixed(1)}` : `−${Math.abs(rounded).toFixed(1)}`;
}

const kinds: Record<string, string> = {
  submitted: 'Opened',
  'status-changed': 'Status changed',
  'work-item-assigned': 'Sent to a department',
  'work-item-queued': 'Queued',
  'work-item-claimed': 'Claimed',
  'work-item-started': 'Work started',
  'work-item-completed': 'Department done',
  'work-item-rejected': 'Department rejected it',
  'work-item-handed-over': 'Handed over',
  'work-item-withdrawn': 'Department withdrawn',
  comment: 'Comment',
  'sla-at-risk': 'SLA at risk',
  'sla-breached': 'SLA breached',
  satisfaction: 'Rated',
  edited: 'Edited',
};

/** A timeline event in words: what happened, and to which department or status when it says. */
export function describeEvent(e: { kind: string; departmentCode: string | null; status: string | null }): string {
  const what = kinds[e.kind] ?? e.kind.replace(/-/g, ' ');
  const detail = e.status ?? e.departmentCode;
  return detail ? `${what} (${detail})` : what;
}

export interface MonthBar {
  month: string;
  label: string;
  ratings: number;
  average: number | null;
  /** 0 to 100: the average's share of the 1..5 scale, 0 without ratings. */
  height: number;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Satisfaction per month as bars: a month without ratings is an empty bar, not a zero score. */
export function satisfactionBars(months: { month: string; ratings: number; average: number | null }[]): MonthBar[] {
  return months.map((m) => {
    const [year, month] = m.month.split('-');
    const label = `${monthNames[Number(month) - 1] ?? month} ${year.slice(2)}`;
    const height = m.average === null || m.ratings === 0 ? 0 : Math.round(((m.average - 1) / 4) * 90 + 10);
    return { month: m.month, label, ratings: m.ratings, average: m.ratings === 0 ? null : m.average, height };
  });
}

/** The overall average over the months shown, weighted by their ratings; null without any. */
export function overallSatisfaction(months: { ratings: number; average: number | null }[]): number | null {
  const rated = months.filter((m) => m.ratings > 0 && m.average !== null);
  const count = rated.reduce((n, m) => n + m.ratings, 0);
  if (count === 0) return null;
  return Math.round((rated.reduce((sum, m) => sum + m.average! * m.ratings, 0) / count) * 100) / 100;
}

/** A person of the account team: their name when the platform knows it, their user id otherwise. */
export const personLabel = (p: { id: string; name: string | null }) => p.name ?? p.id;
