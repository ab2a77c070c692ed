import type { AlertsService } from './alerts.service.js';

/**
 * The care routes' clock: missed visits raise alerts and unanswered alerts climb the chain without anyone pressing a
 * button. Safe on several instances at once: the scan skips rows another instance holds and the unique index on the
 * missed period refuses a second alert; escalation is one conditional update.
 */
export async function runCareJobs(alerts: AlertsService): Promise<{ missed: number; escalated: number }> {
  const missed = await alerts.scanMissed('all');
  const escalated = await alerts.escalate();
  return { missed, escalated };
}
