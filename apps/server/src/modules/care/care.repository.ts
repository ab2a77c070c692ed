import { asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { careAlerts, careConsents, careContacts, careRecipients, orgs, persons } from '../../db/schema/index.js';
import { inScope, type Scope } from '../../platform/access.js';

const mainP = alias(persons, 'main_p');
const backupP = alias(persons, 'backup_p');
const recipientOrg = alias(orgs, 'recipient_org');

/** A UUIDv7 made by the database, for the set-based missed-visit scan that inserts many alerts in one statement. */
export const sqlUuidV7 = sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
  substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/** Days past the plan's interval before a visit counts as missed: a day for daily visits, about a quarter of the interval otherwise. */
export const graceDays = (intervalDays: number) => Math.max(1, Math.round(intervalDays / 4));

/** How long an open alert waits for someone to acknowledge it before it climbs one level. */
export const ESCALATE_AFTER_MINUTES: Record<string, number> = { urgent: 30, needs_help: 240, watch: 1440 };

export const GRID_LEADER_POST = '网格长';

export const careRepository = {
  recipientRows(db: Executor, where: SQL | undefined, page = 1, pageSize = 1) {
    return db
      .select({ r: careRecipients, orgName: orgs.name, orgPath: orgs.path, mainName: mainP.name, backupName: backupP.name })
      .from(careRecipients)
      .innerJoin(orgs, eq(orgs.id, careRecipients.orgId))
      .leftJoin(mainP, eq(mainP.id, careRecipients.mainVolunteerId))
      .leftJoin(backupP, eq(backupP.id, careRecipients.backupVolunteerId))
      .where(where)
      .orderBy(asc(careRecipients.orgId), asc(careRecipients.createdAt), asc(careRecipients.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  },

  async countRecipients(db: Executor, where: SQL | undefined) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(careRecipients)
      .innerJoin(orgs, eq(orgs.id, careRecipients.orgId))
      .where(where);
    return row?.n ?? 0;
  },

  contactsOf(db: Executor, recipientIds: string[]) {
    if (!recipientIds.length) return Promise.resolve([]);
    return db
      .select()
      .from(careContacts)
      .where(inArray(careContacts.recipientId, recipientIds))
      .orderBy(asc(careContacts.kind), asc(careContacts.position));
  },

  consentsOf(db: Executor, recipientIds: string[]) {
    if (!recipientIds.length) return Promise.resolve([]);
    // The record in force (or, after a withdrawal, the last one) first: an amendment may be dated before the record it replaced.
    return db
      .select()
      .from(careConsents)
      .where(inArray(careConsents.recipientId, recipientIds))
      .orderBy(sql`${careConsents.supersededAt} is not null`, desc(careConsents.givenAt));
  },

  /**
   * Raises one alert for every active recipient whose plan is overdue, in one statement whatever their number.
   * The recipient's `missed_after` moves to the next boundary after now, so the next alert comes only after a
   * further whole interval without a visit; the unique index on (recipient, missed period) settles two scans at once.
   */
  async missedScan(db: Executor, scope: Scope) {
    const scoped =
      scope === 'all' ? sql`true` : sql`exists (select 1 from orgs o where o.id = r.org_id and ${inScope(sql`o.path`, scope)})`;
    const result = await db.execute<{ id: string; recipient_id: string; org_id: string }>(sql`
      with due as (
        select r.id, r.org_id, r.missed_after as due_at, r.interval_days
          from care_recipients r
         where r.status = 'active' and r.missed_after <= now() and ${scoped}
         for update skip locked
      ), moved as (
        update care_recipients r
           set missed_after = due.due_at + make_interval(days => due.interval_days *
                 (floor(extract(epoch from now() - due.due_at) / (due.interval_days * 86400))::int + 1))
          from due where r.id = due.id
        returning r.id
      )
      insert into care_alerts (id, recipient_id, org_id, kind, level, summary, missed_due_at, escalate_at, status, escalation_level, created_at)
      select ${sqlUuidV7}, due.id, due.org_id, 'missed_visit', 'needs_help', '超过探访计划时间仍没有探访记录', due.due_at,
             now() + interval '1 day', 'open', 0, now()
        from due
      on conflict (recipient_id, missed_due_at) where kind = 'missed_visit' do nothing
      returning id, recipient_id, org_id`);
    return (result as unknown as { rows: { id: string; recipient_id: string; org_id: string }[] }).rows;
  },

  /** Moves every open alert whose time is up one level up the chain, in one statement. */
  async escalateDue(db: Executor) {
    const result = await db.execute<{ id: string; escalation_level: number }>(sql`
      update care_alerts
         set escalation_level = escalation_level + 1,
             escalate_at = now() + make_interval(mins => case level when 'urgent' then 30 when 'needs_help' then 240 else 1440 end)
       where status = 'open' and escalate_at <= now() and escalation_level < 2
      returning id, escalation_level`);
    return (result as unknown as { rows: { id: string; escalation_level: number }[] }).rows;
  },

  /**
   * The staff an alert reaches at a level, with their encrypted phones: 0 the grid's leaders (appointed 网格长),
   * 1 the community partners over the grid, 2 the branch secretaries over the main volunteer's unit.
   */
  async staffAt(db: Executor, level: number, gridOrgId: string, mainVolunteerId: string | null) {
    let q: SQL;
    if (level === 0) {
      q = sql`select p.id, p.name, p.phone_enc from appointments a join persons p on p.id = a.person_id
        where a.org_id = ${gridOrgId} and a.post = ${GRID_LEADER_POST} and a.starts_on <= current_date
          and (a.ends_on is null or a.ends_on >= current_date)`;
    } else if (level === 1) {
      q = sql`select distinct p.id, p.name, p.phone_enc from grants g
        join orgs go on go.id = g.org_id join orgs grid on grid.id = ${gridOrgId}
        join accounts ac on ac.id = g.account_id join persons p on p.id = ac.person_id
        where g.role = 'community_partner' and grid.path like go.path || '%' and ac.disabled_at is null`;
    } else {
      if (!mainVolunteerId) return [];
      q = sql`select distinct p.id, p.name, p.phone_enc from grants g
        join orgs go on go.id = g.org_id
        join persons v on v.id = ${mainVolunteerId} join orgs vo on vo.id = v.org_id
        join accounts ac on ac.id = g.account_id join persons p on p.id = ac.person_id
        where g.role = 'branch_secretary' and vo.path like go.path || '%' and ac.disabled_at is null`;
    }
    const result = await db.execute<{ id: string; name: string; phone_enc: string | null }>(q);
    return (result as unknown as { rows: { id: string; name: string; phone_enc: string | null }[] }).rows;
  },

  /** Which alerts someone's inbox holds: their care scope, grids they lead, and (once escalated) their volunteers' recipients. */
  alertVisible(scope: Scope, personId: string | null): SQL {
    const lead = personId
      ? sql`or exists (select 1 from appointments a where a.org_id = ${careAlerts.orgId} and a.person_id = ${personId}
          and a.post = ${GRID_LEADER_POST} and (a.ends_on is null or a.ends_on >= current_date))`
      : sql``;
    const branch =
      scope === 'all' || scope.length
        ? sql`or (${careAlerts.escalationLevel} >= 2 and exists (select 1 from care_recipients cr
            join persons v on v.id = cr.main_volunteer_id join orgs vo on vo.id = v.org_id
            where cr.id = ${careAlerts.recipientId} and ${inScope(sql`vo.path`, scope)}))`
        : sql``;
    return sql`(exists (select 1 from orgs o where o.id = ${careAlerts.orgId} and ${inScope(sql`o.path`, scope)}) ${lead} ${branch})`;
  },

  /** Alerts with what care.access needs to decide how the recipient's name is shown: their pairing and grid. */
  alertRows(db: Executor, where: SQL | undefined, page: number, pageSize: number) {
    return db
      .select({
        a: careAlerts,
        orgName: orgs.name,
        r: {
          nameEnc: careRecipients.nameEnc,
          nameMasked: careRecipients.nameMasked,
          mainVolunteerId: careRecipients.mainVolunteerId,
          backupVolunteerId: careRecipients.backupVolunteerId,
        },
        orgPath: recipientOrg.path,
        ownerLogin: sql<string | null>`(select login from accounts where id = ${careAlerts.ownerAccountId})`,
      })
      .from(careAlerts)
      .innerJoin(orgs, eq(orgs.id, careAlerts.orgId))
      .innerJoin(careRecipients, eq(careRecipients.id, careAlerts.recipientId))
      .innerJoin(recipientOrg, eq(recipientOrg.id, careRecipients.orgId))
      .where(where)
      .orderBy(sql`case ${careAlerts.status} when 'open' then 0 when 'acknowledged' then 1 else 2 end`, desc(careAlerts.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
  },

  async countAlerts(db: Executor, where: SQL | undefined) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(careAlerts)
      .where(where);
    return row?.n ?? 0;
  },
};
