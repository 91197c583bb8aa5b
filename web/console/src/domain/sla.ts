import type { Sla } from '../api/queries';

/** How a request or a department's part stands against its target, in words and a tone for colour. */
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

/**
 * The countdown to `resolutionDueAt`, the target the platform computed (not the requester's wished date). A breach is
 * checked before anything else that could read as fine: a breached clock is red even without an instant to count to.
 */
export function slaState(status: string, sla: Pick<Sla, 'state' | 'resolutionDueAt' | 'atRiskAt'>, now: number): SlaState {
  const missed = sla.state === 'missed' || sla.state === 'breached';
  if (closed.has(status)) return { label: missed ? 'Closed after its target' : 'Closed', tone: 'done' };
  if (sla.state === 'missed') return { label: 'Missed its target', tone: 'breached' };
  if (sla.state === 'met') return { label: 'Met its target', tone: 'done' };
  const due = sla.resolutionDueAt ? Date.parse(sla.resolutionDueAt) : null;
  if (sla.state === 'breached' || (due !== null && due < now)) {
    return { label: due !== null ? `Overdue by ${formatDuration(due - now)}` : 'Breached', tone: 'breached' };
  }
  if (sla.state === 'paused') return { label: 'Paused while waiting on the client', tone: 'ok' };
  if (due === null) return { label: 'No target', tone: 'ok' };
  const atRisk = sla.state === 'at-risk' || (sla.atRiskAt !== null && Date.parse(sla.atRiskAt) <= now);
  return { label: `${formatDuration(due - now)} left`, tone: atRisk ? 'risk' : 'ok' };
}
