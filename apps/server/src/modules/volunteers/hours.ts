import { uuidv7 } from '../../platform/ids.js';
import type { Executor } from '../../db/client.js';
import { volunteerHours } from '../../db/schema/index.js';

export type HoursSource = 'visit' | 'activity' | 'shift';

export interface HoursFact {
  personId: string;
  /** The organisation whose coordinators approve these hours (the volunteer's unit, or the visit's). */
  orgId: string;
  source: HoursSource;
  /** The visit, activity check-in or shift the hours come from: one entry per source fact. */
  sourceId: string;
  startedAt: Date;
  minutes: number;
}

/**
 * Records hours a volunteer gave, in the caller's transaction, as `pending` until a coordinator decides.
 * Idempotent on (source, sourceId): a resent visit or a second check-out never counts twice. Returns the
 * entry's id, whether it was just made or already there.
 */
export async function recordHours(tx: Executor, fact: HoursFact): Promise<{ id: string; created: boolean }> {
  const minutes = Math.max(0, Math.min(1440, Math.round(fact.minutes)));
  const inserted = await tx
    .insert(volunteerHours)
    .values({
      id: uuidv7(),
      personId: fact.personId,
      orgId: fact.orgId,
      source: fact.source,
      sourceId: fact.sourceId,
      startedAt: fact.startedAt,
      minutes,
    })
    .onConflictDoNothing({ target: [volunteerHours.source, volunteerHours.sourceId] })
    .returning({ id: volunteerHours.id });
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const existing = await tx.query.volunteerHours.findFirst({
    columns: { id: true },
    where: (h, { and, eq }) => and(eq(h.source, fact.source), eq(h.sourceId, fact.sourceId)),
  });
  return { id: existing!.id, created: false };
}
