/** How a request stands against its resolution target, in words and a tone for colour. */
export interface SlaState {
  label: string;
  tone: 'ok' | 'risk' | 'breached' | 'done';
}

const closed = new Set(['Fulfilled', 'Rejected', 'Cancelled']);

export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  return `${minutes}m ${seconds.toString().padStart(2, '0')}s`;
}

export function slaState(
  status: string,
  sla: { dueAt: string | null; atRisk: boolean; breached: boolean },
  now: number,
): SlaState {
  if (closed.has(status)) return { label: sla.breached ? 'Closed after its target' : 'Closed', tone: 'done' };
  if (!sla.dueAt) return { label: 'No target', tone: 'ok' };
  const left = Date.parse(sla.dueAt) - now;
  if (sla.breached || left < 0) return { label: `Overdue by ${formatDuration(left)}`, tone: 'breached' };
  return { label: `${formatDuration(left)} left`, tone: sla.atRisk ? 'risk' : 'ok' };
}
