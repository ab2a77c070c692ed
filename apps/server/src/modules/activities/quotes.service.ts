import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CreateQuote } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { Db } from '../../db/client.js';
import { activityQuotes } from '../../db/schema/index.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import type { ActivitiesService } from './activities.service.js';

const MAX_QUOTES_PER_ACTIVITY = 50;

const toQuote = (q: typeof activityQuotes.$inferSelect) => ({
  id: q.id,
  speaker: q.speaker,
  text: q.text,
  createdAt: q.createdAt.toISOString(),
});

/** Participants' words, kept with their consent to be quoted; whoever may edit the activity may add or remove them. */
export function createQuotesService(db: Db, activitiesService: ActivitiesService) {
  async function list(actor: Actor, activityId: string) {
    await activitiesService.authorised(actor, activityId, 'activity.read');
    const rows = await db
      .select()
      .from(activityQuotes)
      .where(eq(activityQuotes.activityId, activityId))
      .orderBy(asc(activityQuotes.createdAt), asc(activityQuotes.id));
    return { items: rows.map(toQuote) };
  }

  async function add(actor: Actor, activityId: string, input: CreateQuote) {
    await activitiesService.authorised(actor, activityId, 'activity.write');
    return db.transaction(async (tx) => {
      const existing = await tx.$count(activityQuotes, eq(activityQuotes.activityId, activityId));
      if (existing >= MAX_QUOTES_PER_ACTIVITY) throw invalidField('text', 'custom', 'too_many_quotes');
      const [row] = await tx
        .insert(activityQuotes)
        .values({ id: uuidv7(), activityId, speaker: input.speaker, text: input.text, consentAt: new Date(), createdBy: actor.accountId })
        .returning();
      await recordAudit(tx, actor, {
        action: 'activity.quote_add',
        entity: 'activity',
        entityId: activityId,
        details: { quoteId: row!.id },
      });
      return toQuote(row!);
    });
  }

  async function remove(actor: Actor, activityId: string, quoteId: string) {
    await activitiesService.authorised(actor, activityId, 'activity.write');
    return db.transaction(async (tx) => {
      const gone = await tx
        .delete(activityQuotes)
        .where(and(eq(activityQuotes.id, quoteId), eq(activityQuotes.activityId, activityId)))
        .returning({ id: activityQuotes.id });
      if (!gone.length) throw new AppError('not_found');
      await recordAudit(tx, actor, { action: 'activity.quote_remove', entity: 'activity', entityId: activityId, details: { quoteId } });
      return { ok: true as const };
    });
  }

  /** Quotes of activities the caller has already scoped (the ledger's rows), by activity. */
  async function forActivities(activityIds: string[]) {
    const byActivity = new Map<string, { speaker: string; text: string }[]>();
    if (!activityIds.length) return byActivity;
    const rows = await db
      .select({ activityId: activityQuotes.activityId, speaker: activityQuotes.speaker, text: activityQuotes.text })
      .from(activityQuotes)
      .where(inArray(activityQuotes.activityId, activityIds))
      .orderBy(asc(activityQuotes.createdAt), asc(activityQuotes.id));
    for (const { activityId, ...q } of rows) byActivity.set(activityId, [...(byActivity.get(activityId) ?? []), q]);
    return byActivity;
  }

  return { list, add, remove, forActivities };
}

export type QuotesService = ReturnType<typeof createQuotesService>;
