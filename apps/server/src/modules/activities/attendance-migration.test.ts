// Migration 0038 turns the attendance counter into a headcount kept by hand beside the check-ins that are now
// counted where they are read: on a database as the versions before it left it, every activity keeps its total.
import { expect, it } from 'vitest';
import { migrate } from '../../db/migrate.js';
import { withDatabaseBefore } from '../../test/harness.js';

it('migration 0038 leaves each activity the attendance it had: check-ins counted, the rest kept by hand', async () => {
  await withDatabaseBefore('0038_attendance_from_checkins.sql', async (legacy) => {
    const rows = await legacy.withConnection(async (query) => {
      await query(`insert into orgs (id, path, depth, kind, side, name)
        values ('01900000-0000-7000-8000-0000000000a1', '/01900000-0000-7000-8000-0000000000a1/', 0, 'branch', 'postal', '支部')`);
      // As the counter stood: bumped by each check-in (3), written whole for an event held without sign-ups (150),
      // and both at once (2 check-ins on top of 40 counted at the door).
      const activity = (n: number, counter: number) =>
        query(
          `insert into activities (id, org_id, kind_id, title, starts_at, ends_at, status, public_token, attendance_count)
           values ($1, '01900000-0000-7000-8000-0000000000a1', 'anti_fraud', '活动' || $2, now(), now(), 'closed', 'tok-0038-' || $2, $3)`,
          [`01900000-0000-7000-8000-0000000001a${n}`, n, counter],
        );
      await activity(1, 3);
      await activity(2, 150);
      await activity(3, 42);
      const signup = (n: number, i: number, checkedIn: boolean) =>
        query(
          `insert into signups (id, activity_id, code, name, status, checked_in_at)
           values (gen_random_uuid(), $1, 'code-0038-' || $2 || '-' || $3, '居民', 'confirmed', $4)`,
          [`01900000-0000-7000-8000-0000000001a${n}`, n, i, checkedIn ? new Date() : null],
        );
      for (let i = 0; i < 3; i++) await signup(1, i, true);
      await signup(1, 9, false);
      for (let i = 0; i < 2; i++) await signup(3, i, true);
      expect(await migrate(legacy)).toContain('0038_attendance_from_checkins.sql');
      return (
        await query(`select a.title, a.attendance_by_hand as by_hand,
            a.attendance_by_hand + (select count(*)::int from signups s where s.activity_id = a.id and s.checked_in_at is not null) as attendance
          from activities a order by a.title`)
      ).rows;
    });
    expect(rows).toEqual([
      { title: '活动1', by_hand: 0, attendance: 3 },
      { title: '活动2', by_hand: 150, attendance: 150 },
      { title: '活动3', by_hand: 40, attendance: 42 },
    ]);
  });
});
