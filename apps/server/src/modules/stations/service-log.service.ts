import { randomInt } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  serviceMode,
  type claimRequestSchema,
  type closeRecordSchema,
  type createRecordSchema,
  type dayLogQuerySchema,
  type RecordStatus,
  type recordListQuerySchema,
  type ServiceKind,
  type tapRequestSchema,
} from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { serviceRecords } from '../../db/schema/index.js';
import { requireAccess, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { maskPhone, type FieldCrypto } from '../../platform/crypto.js';
import { AppError, invalidField, sqlStateOf } from '../../platform/errors.js';
import { placesRepository } from '../places/places.repository.js';
import { chinaToday, onChinaDays } from './china-day.js';
import { stationsRepository as repo } from './stations.repository.js';
import type { StationsService } from './stations.service.js';

type RecordRow = typeof serviceRecords.$inferSelect;
const OPEN_STATUS: Record<'storage' | 'lending' | 'agency', RecordStatus> = { storage: 'stored', lending: 'lent', agency: 'received' };
const OPEN = ['stored', 'lent', 'received'];

const toRecord = (r: RecordRow, today = chinaToday()) => ({
  id: r.id,
  placeId: r.placeId,
  kind: r.kind as ServiceKind,
  status: r.status as RecordStatus,
  personName: r.personName,
  phoneMasked: r.phoneMasked,
  item: r.item,
  dueOn: r.dueOn,
  overdue: r.status === 'lent' && r.dueOn !== null && r.dueOn < today,
  note: r.note,
  createdAt: r.createdAt.toISOString(),
  closedAt: r.closedAt ? r.closedAt.toISOString() : null,
});

/** The counter's log: a tap per use of a counted service, a record per person for storage, lending and agency. */
export function createServiceLogService(db: Db, crypto: FieldCrypto, stations: StationsService) {
  const claimIndex = (placeId: string, code: string) => crypto.blindIndex(`claim:${placeId}`, code);

  async function offered(placeId: string, kind: ServiceKind) {
    if (!(await repo.offers(db, placeId, kind))) throw invalidField('kind', 'custom', 'service_not_offered');
  }

  async function tap(actor: Actor, placeId: string, input: z.infer<typeof tapRequestSchema>) {
    await stations.stationPlace(actor, placeId, 'service.log');
    if (serviceMode(input.kind) !== 'tally') throw invalidField('kind', 'custom', 'not_a_tally_service');
    await offered(placeId, input.kind);
    const day = chinaToday();
    const result = await repo.tap(db, {
      id: input.tapId ?? uuidv7(),
      placeId,
      kind: input.kind,
      day,
      delta: input.delta,
      accountId: actor.accountId,
    });
    const count = result.count ?? (await repo.tallyCount(db, placeId, input.kind, day));
    return { kind: input.kind, day, count, counted: result.counted };
  }

  async function dayLog(actor: Actor, placeId: string, q: z.infer<typeof dayLogQuerySchema>) {
    await stations.stationPlace(actor, placeId);
    const day = q.day ?? chinaToday();
    const [tallies, records] = await Promise.all([repo.dayTallies(db, placeId, day), repo.dayRecordCounts(db, placeId, day)]);
    return {
      placeId,
      day,
      tallies: tallies.map((t) => ({ kind: t.kind as ServiceKind, count: t.count })),
      records: records.map((r) => ({ kind: r.kind as ServiceKind, count: r.count })),
    };
  }

  async function createRecord(actor: Actor, placeId: string, input: z.infer<typeof createRecordSchema>) {
    const place = await stations.stationPlace(actor, placeId, 'service.log');
    const mode = serviceMode(input.kind);
    if (mode === 'tally') throw invalidField('kind', 'custom', 'not_a_record_service');
    await offered(placeId, input.kind);
    const today = chinaToday();
    if (mode === 'lending') {
      if (!input.phone) throw invalidField('phone', 'custom', 'lending_needs_phone');
      if (!input.dueOn) throw invalidField('dueOn', 'custom', 'due_required');
      if (input.dueOn < today) throw invalidField('dueOn', 'custom', 'due_in_past');
    }
    const id = input.recordId ?? uuidv7();
    let claimCode: string | null = null;
    const inserted = await db.transaction(async (tx) => {
      // A fresh code until none of this station's stored items holds it; the partial unique index is the arbiter.
      for (let attempt = 0; ; attempt++) {
        claimCode = mode === 'storage' ? String(randomInt(0, 1_000_000)).padStart(6, '0') : null;
        try {
          const rows = await tx.transaction(async (sp) =>
            sp
              .insert(serviceRecords)
              .values({
                id,
                placeId,
                kind: input.kind,
                status: OPEN_STATUS[mode],
                personName: input.personName,
                phoneEnc: input.phone ? crypto.encrypt(input.phone) : null,
                phoneBidx: input.phone ? crypto.blindIndex('phone', input.phone) : null,
                phoneMasked: input.phone ? maskPhone(input.phone) : null,
                item: input.item,
                claimCodeHash: claimCode ? claimIndex(placeId, claimCode) : null,
                claimCodeEnc: claimCode ? crypto.encrypt(claimCode) : null,
                dueOn: mode === 'lending' ? input.dueOn! : null,
                note: input.note,
                createdBy: actor.accountId,
              })
              .onConflictDoNothing({ target: serviceRecords.id })
              .returning({ id: serviceRecords.id }),
          );
          if (rows.length) {
            await recordAudit(tx, actor, {
              action: `service_record.${mode}`,
              entity: 'service_record',
              entityId: id,
              org: { id: place.orgId, path: place.orgPath },
              details: { kind: input.kind },
            });
          }
          return rows.length === 1;
        } catch (e) {
          const code = sqlStateOf(e);
          if (code !== '23505' || attempt >= 5) throw e;
        }
      }
    });
    const row = await db.query.serviceRecords.findFirst({ where: eq(serviceRecords.id, id) });
    // A retried submission returns the first record; an id taken by another station's record is a conflict.
    if (!row || row.placeId !== placeId) throw new AppError('conflict');
    if (!inserted) claimCode = row.claimCodeEnc && row.status === 'stored' ? crypto.decrypt(row.claimCodeEnc) : null;
    return { ...toRecord(row, today), claimCode };
  }

  async function listRecords(actor: Actor, placeId: string, q: z.infer<typeof recordListQuerySchema>) {
    await stations.stationPlace(actor, placeId, 'service.log');
    const where = and(
      eq(serviceRecords.placeId, placeId),
      q.open === 'true'
        ? inArray(serviceRecords.status, OPEN)
        : q.open === 'false'
          ? sql`${serviceRecords.status} not in ('stored', 'lent', 'received')`
          : undefined,
      q.kind ? eq(serviceRecords.kind, q.kind) : undefined,
      onChinaDays(serviceRecords.createdAt, q),
    );
    const [rows, [count]] = await Promise.all([
      db
        .select()
        .from(serviceRecords)
        .where(where)
        .orderBy(desc(serviceRecords.createdAt), desc(serviceRecords.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(serviceRecords)
        .where(where),
    ]);
    const today = chinaToday();
    return { items: rows.map((r) => toRecord(r, today)), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
  }

  /** The record and its station, checked against the actor's reach (404 outside it). */
  async function recordFor(actor: Actor, id: string, permission: 'service.log' | 'station.write') {
    const row = await db.query.serviceRecords.findFirst({ where: eq(serviceRecords.id, id) });
    const place = row ? await placesRepository.findById(db, row.placeId) : undefined;
    requireAccess(actor, permission, place?.orgPath);
    return { row: row!, place: place! };
  }

  async function closeRecord(actor: Actor, id: string, input: z.infer<typeof closeRecordSchema>) {
    const { row, place } = await recordFor(actor, id, 'service.log');
    const mode = serviceMode(row.kind as ServiceKind);
    const allowed = (mode === 'lending' && input.outcome !== 'done') || (mode === 'agency' && input.outcome === 'done');
    if (!allowed) throw invalidField('outcome', 'custom', 'transition_not_allowed');
    const closed = await db.transaction(async (tx) => {
      // Conditional: two clerks closing the same loan at once make one change.
      const rows = await tx
        .update(serviceRecords)
        .set({ status: input.outcome, closedAt: sql`now()`, closedBy: actor.accountId })
        .where(and(eq(serviceRecords.id, id), eq(serviceRecords.status, OPEN_STATUS[mode])))
        .returning();
      if (rows.length) {
        await recordAudit(tx, actor, {
          action: `service_record.${input.outcome}`,
          entity: 'service_record',
          entityId: id,
          org: { id: place.orgId, path: place.orgPath },
        });
      }
      return rows[0];
    });
    if (!closed) throw invalidField('outcome', 'custom', 'transition_not_allowed');
    return toRecord(closed);
  }

  /**
   * Hands over a stored item for its claim code. A code that matches nothing, an item already
   * handed over, or another station's item: the same refusal after the same work (one keyed hash,
   * one conditional update, one audit entry), so the answer tells nothing about what is stored.
   */
  async function claim(actor: Actor, placeId: string, input: z.infer<typeof claimRequestSchema>) {
    const place = await stations.stationPlace(actor, placeId, 'service.log');
    const hash = claimIndex(placeId, input.code);
    const claimed = await db.transaction(async (tx) => {
      const rows = await tx
        .update(serviceRecords)
        .set({ status: 'claimed', closedAt: sql`now()`, closedBy: actor.accountId })
        .where(and(eq(serviceRecords.placeId, placeId), eq(serviceRecords.claimCodeHash, hash), eq(serviceRecords.status, 'stored')))
        .returning();
      await recordAudit(tx, actor, {
        action: rows.length ? 'service_record.claimed' : 'service_record.claim_refused',
        entity: 'service_record',
        entityId: rows[0]?.id ?? null,
        org: { id: place.orgId, path: place.orgPath },
      });
      return rows[0];
    });
    if (!claimed) throw invalidField('code', 'custom', 'claim_code_refused');
    return toRecord(claimed);
  }

  /** The phone behind a masked number, for the head calling about an overdue loan: audited in the same transaction. */
  async function revealPhone(actor: Actor, id: string) {
    const { row, place } = await recordFor(actor, id, 'station.write');
    return db.transaction(async (tx) => {
      await recordAudit(tx, actor, {
        action: 'service_record.reveal',
        entity: 'service_record',
        entityId: id,
        org: { id: place.orgId, path: place.orgPath },
        details: { field: 'phone' },
      });
      return { phone: row.phoneEnc ? crypto.decrypt(row.phoneEnc) : null };
    });
  }

  return { tap, dayLog, createRecord, listRecords, closeRecord, claim, revealPhone };
}

export type ServiceLogService = ReturnType<typeof createServiceLogService>;
