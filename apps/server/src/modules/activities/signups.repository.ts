import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { activities, signups } from '../../db/schema/index.js';

export type SignupRow = typeof signups.$inferSelect;

/** What one scan in a batch of self check-ins found; nulls where the activity or the sign-up was not found. */
export interface SelfCheckInOutcome {
  activityStatus: string | null;
  status: string | null;
  name: string;
  firstTime: boolean;
}
const LIVE = ['confirmed', 'waitlisted', 'offered'];

export const signupsRepository = {
  findByCode(db: Executor, code: string) {
    return db.query.signups.findFirst({ where: eq(signups.code, code) });
  },

  findLiveByPhone(db: Executor, activityId: string, phoneBidx: string) {
    return db.query.signups.findFirst({
      where: and(eq(signups.activityId, activityId), eq(signups.phoneBidx, phoneBidx), inArray(signups.status, LIVE)),
    });
  },

  /** Inserts unless this phone already holds a live sign-up for the activity (the partial unique index decides). */
  async insertIfNew(db: Executor, row: typeof signups.$inferInsert): Promise<boolean> {
    const rows = await db.insert(signups).values(row).onConflictDoNothing().returning({ id: signups.id });
    return rows.length === 1;
  },

  /** Takes one place if there is room: the capacity check and the increment are one statement. */
  async takePlace(db: Executor, activityId: string): Promise<boolean> {
    const rows = await db
      .update(activities)
      .set({ takenCount: sql`${activities.takenCount} + 1` })
      .where(and(eq(activities.id, activityId), sql`(${activities.capacity} is null or ${activities.takenCount} < ${activities.capacity})`))
      .returning({ id: activities.id });
    return rows.length === 1;
  },

  releasePlace(db: Executor, activityId: string) {
    return db
      .update(activities)
      .set({ takenCount: sql`greatest(${activities.takenCount} - 1, 0)` })
      .where(eq(activities.id, activityId));
  },

  setStatus(db: Executor, id: string, status: string, offerExpiresAt: Date | null = null) {
    return db
      .update(signups)
      .set({ status, offerExpiresAt, updatedAt: sql`now()` })
      .where(eq(signups.id, id));
  },

  /** Moves a sign-up between states only if it is still in the expected one; false when someone else got there first. */
  async changeStatus(db: Executor, id: string, from: string[], to: string, offerExpiresAt: Date | null = null) {
    const rows = await db
      .update(signups)
      .set({ status: to, offerExpiresAt, updatedAt: sql`now()` })
      .where(and(eq(signups.id, id), inArray(signups.status, from)))
      .returning({ id: signups.id });
    return rows.length === 1;
  },

  /** The next person waiting, locked so that two releases never offer to the same person. */
  async nextWaiting(db: Executor, activityId: string) {
    const [row] = await db
      .select({ id: signups.id, code: signups.code, name: signups.name, phoneEnc: signups.phoneEnc })
      .from(signups)
      .where(and(eq(signups.activityId, activityId), eq(signups.status, 'waitlisted')))
      .orderBy(asc(signups.createdAt), asc(signups.id))
      .limit(1)
      .for('update', { skipLocked: true });
    return row;
  },

  expiredOffers(db: Executor, activityId: string) {
    return db
      .select({ id: signups.id })
      .from(signups)
      .where(and(eq(signups.activityId, activityId), eq(signups.status, 'offered'), lte(signups.offerExpiresAt, sql`now()`)))
      .for('update', { skipLocked: true });
  },

  async waitlistPosition(db: Executor, row: SignupRow): Promise<number> {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(signups)
      .where(
        and(
          eq(signups.activityId, row.activityId),
          eq(signups.status, 'waitlisted'),
          // Compared in the database: a JavaScript Date would cut the microseconds off.
          sql`(${signups.createdAt}, ${signups.id}) <= (select created_at, id from signups me where me.id = ${row.id})`,
        ),
      );
    return r?.n ?? 0;
  },

  /**
   * Self check-ins of many residents in one statement and one commit: for each {token, code}, in order,
   * what was found and whether this scan was the one that checked the person in. The statement is the
   * database function `self_checkin_batch` (migrations 0034 and 0038), whose plan each connection makes once: it is
   * the busiest statement there is, and planning it cost more than running it for a small batch.
   */
  async selfCheckInBatch(db: Executor, items: { token: string; code: string }[]): Promise<SelfCheckInOutcome[]> {
    const result = await db.execute(sql`
      select * from self_checkin_batch(
        ${sql.param(items.map((x) => x.token))}::text[],
        ${sql.param(items.map((x) => x.code))}::text[]
      )
    `);
    return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
      activityStatus: (r.activity_status as string | null) ?? null,
      status: (r.status as string | null) ?? null,
      name: (r.name as string | null) ?? '',
      firstTime: r.first_time === true,
    }));
  },

  /**
   * Checks one sign-up in unless it already is: true when this call did it. The activity's rollup pairs are
   * marked in the same statement, as the self check-in batch marks them (migration 0038).
   */
  async checkIn(db: Executor, signupId: string, method: string): Promise<boolean> {
    const result = await db.execute(sql`
      with upd as (
        update signups set checked_in_at = now(), checkin_method = ${method}, updated_at = now()
        where id = ${signupId} and checked_in_at is null
        returning activity_id
      ),
      marks as (select rollup_mark_activities_by_id(array_agg(activity_id)) from upd)
      select exists (select 1 from upd) as first_time from marks
    `);
    return (result as unknown as { rows: { first_time: boolean }[] }).rows[0]?.first_time === true;
  },

  listForActivity(db: Executor, activityId: string) {
    return db.select().from(signups).where(eq(signups.activityId, activityId)).orderBy(asc(signups.createdAt), asc(signups.id));
  },
};
