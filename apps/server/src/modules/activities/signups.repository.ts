import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { activities, signups } from '../../db/schema/index.js';

export type SignupRow = typeof signups.$inferSelect;
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
      .select({ id: signups.id })
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

  /** Marks the check-in once: a repeated scan, a retry or a second scanner finds it done and changes nothing. */
  async checkIn(db: Executor, id: string, method: string): Promise<boolean> {
    const rows = await db
      .update(signups)
      .set({ checkedInAt: sql`now()`, checkinMethod: method, updatedAt: sql`now()` })
      .where(and(eq(signups.id, id), isNull(signups.checkedInAt)))
      .returning({ id: signups.id });
    return rows.length === 1;
  },

  async bumpAttendance(db: Executor, activityId: string): Promise<number> {
    const [row] = await db
      .update(activities)
      .set({ attendanceCount: sql`${activities.attendanceCount} + 1` })
      .where(eq(activities.id, activityId))
      .returning({ n: activities.attendanceCount });
    return row?.n ?? 0;
  },

  listForActivity(db: Executor, activityId: string) {
    return db.select().from(signups).where(eq(signups.activityId, activityId)).orderBy(asc(signups.createdAt), asc(signups.id));
  },
};
