import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { activities } from '../../db/schema/index.js';

/**
 * An activity's attendance, in SQL: its sign-ups checked in plus the people counted by hand. It is derived
 * where it is read, so a check-in writes its own sign-up and nothing else (migration 0038), and the list,
 * the ledger, goals, rollups and press releases all count the same thing. `activity` names the activities
 * row in the surrounding query (its table name or alias).
 */
export const attendanceOf = (activity: SQL) =>
  sql<number>`(${activity}.attendance_by_hand + (select count(*)::int from signups s
    where s.activity_id = ${activity}.id and s.checked_in_at is not null))`;

/** One activity's attendance now (0 for an activity that does not exist). */
export async function attendanceOfActivity(db: Executor, activityId: string): Promise<number> {
  const [row] = await db
    .select({ n: attendanceOf(sql`activities`) })
    .from(activities)
    .where(eq(activities.id, activityId));
  return Number(row?.n ?? 0);
}
