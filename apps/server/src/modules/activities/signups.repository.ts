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
  attendanceCount: number;
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
   * what was found and whether this scan was the one that checked the person in. The conditional
   * update decides, so a repeat in the same batch, in another batch or in another process counts once;
   * attendance grows by the number of rows that update really changed.
   */
  async selfCheckInBatch(db: Executor, items: { token: string; code: string }[]): Promise<SelfCheckInOutcome[]> {
    const result = await db.execute(sql`
      with input as (
        select t.token, t.code, t.i
        from unnest(${sql.param(items.map((x) => x.token))}::text[], ${sql.param(items.map((x) => x.code))}::text[])
          with ordinality as t(token, code, i)
      ),
      -- The batch's activities are locked first, in one order: batches of several processes then
      -- queue for a shared activity instead of each holding one the other needs (a deadlock, which
      -- PostgreSQL only notices after deadlock_timeout, a second by default).
      locked as (
        select a.id from activities a
        where a.public_token in (select token from input)
        order by a.id
        for no key update
      ),
      found as (
        select input.i, a.id as activity_id, a.status as activity_status, a.attendance_count,
               s.id as signup_id, s.status, s.name, s.checked_in_at
        from input
        left join (activities a join locked on locked.id = a.id) on a.public_token = input.token
        left join signups s on s.code = input.code and s.activity_id = a.id
      ),
      upd as (
        update signups s
        set checked_in_at = now(), checkin_method = 'self', updated_at = now()
        where s.id in (
            select signup_id from found
            where activity_status in ('published', 'in_progress') and status = 'confirmed'
          )
          and s.status = 'confirmed' and s.checked_in_at is null
        returning s.id, s.activity_id
      ),
      counts as (select activity_id, count(*)::int as n from upd group by activity_id),
      bump as (
        update activities a
        set attendance_count = a.attendance_count + counts.n
        from counts
        where a.id = counts.activity_id
        returning a.id, a.attendance_count
      ),
      -- A scan that found the person not yet checked in, but whose update another process's batch
      -- beat (the row changed under us): that batch has committed its count, which this statement's
      -- snapshot cannot see. Reading the row with a lock gives its latest version.
      stale as (
        select a.id, a.attendance_count
        from activities a
        where a.id in (
            select f.activity_id from found f
            where f.status = 'confirmed' and f.checked_in_at is null and f.activity_status in ('published', 'in_progress')
              and f.signup_id not in (select id from upd)
          )
          and a.id not in (select activity_id from counts)
        for share
      ),
      marked as (
        select f.*, (u.id is not null and row_number() over (partition by f.signup_id order by f.i) = 1) as first_time
        from found f
        left join upd u on u.id = f.signup_id
      )
      select m.i::int as i, m.activity_status, m.status, m.name, m.first_time,
        (case when m.first_time
          then b.attendance_count - c.n + row_number() over (partition by m.activity_id, m.first_time order by m.i)
          else coalesce(b.attendance_count, st.attendance_count, m.attendance_count)
        end)::int as attendance_count
      from marked m
      left join counts c on c.activity_id = m.activity_id
      left join bump b on b.id = m.activity_id
      left join stale st on st.id = m.activity_id
      order by m.i
    `);
    return (result as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
      activityStatus: (r.activity_status as string | null) ?? null,
      status: (r.status as string | null) ?? null,
      name: (r.name as string | null) ?? '',
      firstTime: r.first_time === true,
      attendanceCount: Number(r.attendance_count ?? 0),
    }));
  },

  /**
   * Checks one sign-up in and counts it, in one statement: only the scan that really changed the row
   * bumps attendance. Returns the count after this scan either way.
   */
  async checkInAndCount(db: Executor, signupId: string, activityId: string, method: string) {
    const result = await db.execute(sql`
      with upd as (
        update signups set checked_in_at = now(), checkin_method = ${method}, updated_at = now()
        where id = ${signupId} and checked_in_at is null
        returning activity_id
      ),
      bump as (
        update activities a set attendance_count = a.attendance_count + 1
        from upd where a.id = upd.activity_id
        returning a.attendance_count
      )
      select exists (select 1 from upd) as first_time,
        coalesce((select attendance_count from bump), (select attendance_count from activities where id = ${activityId}))::int
          as attendance_count
    `);
    const row = (result as unknown as { rows: { first_time: boolean; attendance_count: number }[] }).rows[0]!;
    return { firstTime: row.first_time === true, attendanceCount: Number(row.attendance_count) };
  },

  listForActivity(db: Executor, activityId: string) {
    return db.select().from(signups).where(eq(signups.activityId, activityId)).orderBy(asc(signups.createdAt), asc(signups.id));
  },
};
