import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  createLeadSchema,
  createOutcomeSchema,
  leadListQuerySchema,
  OutcomeKind,
  outcomeListQuerySchema,
  outcomeSummaryQuerySchema,
} from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { activities, businessLeads, businessOutcomes, orgs, places } from '../../db/schema/index.js';
import { inScope, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { maskPhone, type FieldCrypto } from '../../platform/crypto.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { narrowedPath } from '../orgs/narrowed-path.js';
import { placesRepository } from '../places/places.repository.js';

const placeOf = alias(places, 'outcome_place');
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

const BUCKET = {
  month: sql`to_char(o.occurred_on, 'YYYY-MM')`,
  quarter: sql`to_char(o.occurred_on, 'YYYY') || '-Q' || extract(quarter from o.occurred_on)::int`,
  year: sql`to_char(o.occurred_on, 'YYYY')`,
};

/** Business won through party building, tied to where it happened, summed over an organisation's subtree. */
export function createOutcomesService(db: Db, crypto: FieldCrypto) {
  /**
   * The activity and/or station it happened at; the record belongs to the station's organisation when
   * there is one (the place of sale), else the activity's. The actor must write outcomes at both.
   */
  async function whereItHappened(actor: Actor, input: { activityId?: string; placeId?: string }) {
    if (!input.activityId && !input.placeId) throw invalidField('placeId', 'custom', 'outcome_where_required');
    let org: { id: string; path: string } | null = null;
    if (input.activityId) {
      const [a] = await db
        .select({ orgId: activities.orgId, path: orgs.path })
        .from(activities)
        .innerJoin(orgs, eq(orgs.id, activities.orgId))
        .where(eq(activities.id, input.activityId));
      requireAccess(actor, 'outcome.write', a?.path);
      org = { id: a!.orgId, path: a!.path };
    }
    if (input.placeId) {
      const place = await placesRepository.findById(db, input.placeId);
      requireAccess(actor, 'outcome.write', place?.orgPath);
      org = { id: place!.orgId, path: place!.orgPath };
    }
    return org!;
  }

  const columns = {
    o: businessOutcomes,
    orgName: orgs.name,
    activityTitle: activities.title,
    placeName: placeOf.name,
  };
  const select = () =>
    db
      .select(columns)
      .from(businessOutcomes)
      .innerJoin(orgs, eq(orgs.id, businessOutcomes.orgId))
      .leftJoin(activities, eq(activities.id, businessOutcomes.activityId))
      .leftJoin(placeOf, eq(placeOf.id, businessOutcomes.placeId));
  type Row = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];
  const toOutcome = ({ o, orgName, activityTitle, placeName }: Row) => ({
    id: o.id,
    orgId: o.orgId,
    orgName,
    activityId: o.activityId,
    activityTitle,
    placeId: o.placeId,
    placeName,
    kind: o.kind as OutcomeKind,
    product: o.product,
    quantity: o.quantity,
    unit: o.unit,
    amountFen: Number(o.amountFen),
    occurredOn: o.occurredOn,
    note: o.note,
    createdAt: o.createdAt.toISOString(),
  });

  async function scopeWhere(actor: Actor, orgId: string | undefined): Promise<SQL> {
    const path = await narrowedPath(db, actor, 'outcome.read', orgId);
    return and(inScope(orgs.path, scopeOf(actor, 'outcome.read')), path ? sql`${orgs.path} like ${path + '%'}` : undefined)!;
  }

  async function list(actor: Actor, q: z.infer<typeof outcomeListQuerySchema>) {
    const where = and(
      await scopeWhere(actor, q.orgId),
      q.kind ? eq(businessOutcomes.kind, q.kind) : undefined,
      q.activityId ? eq(businessOutcomes.activityId, q.activityId) : undefined,
      q.placeId ? eq(businessOutcomes.placeId, q.placeId) : undefined,
      q.from ? sql`${businessOutcomes.occurredOn} >= ${q.from}` : undefined,
      q.to ? sql`${businessOutcomes.occurredOn} <= ${q.to}` : undefined,
    );
    const [rows, [count]] = await Promise.all([
      select()
        .where(where)
        .orderBy(desc(businessOutcomes.occurredOn), desc(businessOutcomes.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(businessOutcomes)
        .innerJoin(orgs, eq(orgs.id, businessOutcomes.orgId))
        .where(where),
    ]);
    return { items: rows.map(toOutcome), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
  }

  async function create(actor: Actor, input: z.infer<typeof createOutcomeSchema>) {
    const org = await whereItHappened(actor, input);
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await tx.insert(businessOutcomes).values({
        id,
        orgId: org.id,
        activityId: input.activityId ?? null,
        placeId: input.placeId ?? null,
        kind: input.kind,
        product: input.product,
        quantity: input.quantity,
        unit: input.unit,
        amountFen: input.amountFen,
        occurredOn: input.occurredOn,
        note: input.note,
        createdBy: actor.accountId,
      });
      await recordAudit(tx, actor, {
        action: 'outcome.create',
        entity: 'business_outcome',
        entityId: id,
        org,
        details: { kind: input.kind, amountFen: input.amountFen, quantity: input.quantity },
      });
    });
    const [row] = await select().where(eq(businessOutcomes.id, id));
    return toOutcome(row!);
  }

  /** Sums per period and kind over the subtree: a figure reported once, where it happened, and summed from there. */
  async function summary(actor: Actor, q: z.infer<typeof outcomeSummaryQuerySchema>) {
    const path = await narrowedPath(db, actor, 'outcome.read', q.orgId);
    const scope = inScope(sql`g.path`, scopeOf(actor, 'outcome.read'));
    const bucket = BUCKET[q.period];
    const result = await db.execute(sql`
      select ${bucket} as bucket, o.kind, count(*)::int as records, coalesce(sum(o.quantity), 0)::bigint as quantity,
             coalesce(sum(o.amount_fen), 0)::bigint as amount_fen
      from business_outcomes o join orgs g on g.id = o.org_id
      where ${scope} ${path ? sql`and g.path like ${path + '%'}` : sql``}
        ${q.from ? sql`and o.occurred_on >= ${q.from}` : sql``} ${q.to ? sql`and o.occurred_on <= ${q.to}` : sql``}
      group by 1, 2 order by 1, 2`);
    const rows = rowsOf<{ bucket: string; kind: OutcomeKind; records: number; quantity: string; amount_fen: string }>(result).map((r) => ({
      bucket: r.bucket,
      kind: r.kind,
      records: Number(r.records),
      quantity: Number(r.quantity),
      amountFen: Number(r.amount_fen),
    }));
    const totals = new Map<OutcomeKind, { kind: OutcomeKind; records: number; quantity: number; amountFen: number }>();
    for (const r of rows) {
      const t = totals.get(r.kind) ?? { kind: r.kind, records: 0, quantity: 0, amountFen: 0 };
      t.records += r.records;
      t.quantity += r.quantity;
      t.amountFen += r.amountFen;
      totals.set(r.kind, t);
    }
    return { period: q.period, rows, totals: [...totals.values()] };
  }

  const leadSelect = () =>
    db
      .select({ l: businessLeads, orgName: orgs.name, activityTitle: activities.title, placeName: placeOf.name })
      .from(businessLeads)
      .innerJoin(orgs, eq(orgs.id, businessLeads.orgId))
      .leftJoin(activities, eq(activities.id, businessLeads.activityId))
      .leftJoin(placeOf, eq(placeOf.id, businessLeads.placeId));
  type LeadRow = Awaited<ReturnType<ReturnType<typeof leadSelect>['where']>>[number];
  const toLead = ({ l, orgName, activityTitle, placeName }: LeadRow) => ({
    id: l.id,
    orgName,
    activityTitle,
    placeName,
    name: l.name,
    phoneMasked: l.phoneMasked,
    interest: l.interest,
    consentAt: l.consentAt.toISOString(),
    createdAt: l.createdAt.toISOString(),
  });

  async function createLead(actor: Actor, input: z.infer<typeof createLeadSchema>) {
    const org = await whereItHappened(actor, input);
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await tx.insert(businessLeads).values({
        id,
        orgId: org.id,
        activityId: input.activityId ?? null,
        placeId: input.placeId ?? null,
        name: input.name,
        phoneEnc: crypto.encrypt(input.phone),
        phoneBidx: crypto.blindIndex('phone', input.phone),
        phoneMasked: maskPhone(input.phone),
        interest: input.interest,
        consentAt: new Date(),
        createdBy: actor.accountId,
      });
      await recordAudit(tx, actor, { action: 'lead.create', entity: 'business_lead', entityId: id, org });
    });
    const [row] = await leadSelect().where(eq(businessLeads.id, id));
    return toLead(row!);
  }

  async function listLeads(actor: Actor, q: z.infer<typeof leadListQuerySchema>) {
    const where = await scopeWhere(actor, q.orgId);
    const [rows, [count]] = await Promise.all([
      leadSelect()
        .where(where)
        .orderBy(desc(businessLeads.createdAt), desc(businessLeads.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(businessLeads)
        .innerJoin(orgs, eq(orgs.id, businessLeads.orgId))
        .where(where),
    ]);
    return { items: rows.map(toLead), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
  }

  async function revealLead(actor: Actor, id: string) {
    const [row] = await db
      .select({ l: businessLeads, path: orgs.path })
      .from(businessLeads)
      .innerJoin(orgs, eq(orgs.id, businessLeads.orgId))
      .where(eq(businessLeads.id, id));
    requireAccess(actor, 'outcome.write', row?.path);
    if (!row) throw new AppError('not_found');
    return db.transaction(async (tx) => {
      await recordAudit(tx, actor, {
        action: 'lead.reveal',
        entity: 'business_lead',
        entityId: id,
        org: { id: row.l.orgId, path: row.path },
        details: { field: 'phone' },
      });
      return { phone: crypto.decrypt(row.l.phoneEnc) };
    });
  }

  return { list, create, summary, createLead, listLeads, revealLead };
}

export type OutcomesService = ReturnType<typeof createOutcomesService>;
