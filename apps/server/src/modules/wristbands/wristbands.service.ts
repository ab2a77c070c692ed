import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { createBatchSchema, wristbandListQuerySchema, WristbandStatus } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { careRecipients, orgs, wristbandBatches, wristbands, wristbandScans } from '../../db/schema/index.js';
import { inScope, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { shownName } from '../care/care.access.js';
import { consentCovers } from '../care/contacts.js';
import { orgsRepository } from '../orgs/orgs.repository.js';
import { newCode, normaliseCode } from './codes.js';
import { wristbandLabels } from './labels.js';

const scanCount = sql<number>`(select count(*)::int from wristband_scans s where s.wristband_id = ${wristbands.id})`;
const lastScan = sql<string | null>`(select max(s.scanned_at)::text from wristband_scans s where s.wristband_id = ${wristbands.id})`;
const wearerOrg = alias(orgs, 'wearer_org');

/** Batches of codes, labels, binding to a care recipient, lost and retired; the scan log. Needs wristband.manage. */
export function createWristbandsService(db: Db, crypto: FieldCrypto) {
  const select = () =>
    db
      .select({
        w: wristbands,
        orgName: orgs.name,
        orgPath: orgs.path,
        // The wearer's name and what care.access needs to decide how it is shown: their pairing and their grid.
        nameMasked: careRecipients.nameMasked,
        nameEnc: careRecipients.nameEnc,
        mainVolunteerId: careRecipients.mainVolunteerId,
        backupVolunteerId: careRecipients.backupVolunteerId,
        wearerOrgPath: wearerOrg.path,
        scans: scanCount,
        lastScan,
      })
      .from(wristbands)
      .innerJoin(orgs, eq(orgs.id, wristbands.orgId))
      .leftJoin(careRecipients, eq(careRecipients.id, wristbands.recipientId))
      .leftJoin(wearerOrg, eq(wearerOrg.id, careRecipients.orgId));
  type Row = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];
  /** The wearer's name by the care pages' one rule: in clear to those who may reveal them, masked to other managers. */
  const wearerName = (actor: Actor, r: Row) =>
    r.nameMasked === null || r.wearerOrgPath === null
      ? null
      : shownName(crypto, actor, {
          r: { nameMasked: r.nameMasked, nameEnc: r.nameEnc, mainVolunteerId: r.mainVolunteerId, backupVolunteerId: r.backupVolunteerId },
          orgPath: r.wearerOrgPath,
        });
  const toBand = (actor: Actor, r: Row) => ({
    id: r.w.id,
    code: r.w.code,
    batchId: r.w.batchId,
    orgName: r.orgName,
    status: r.w.status as WristbandStatus,
    recipientId: r.w.recipientId,
    recipientName: wearerName(actor, r),
    boundAt: r.w.boundAt?.toISOString() ?? null,
    scans: r.scans,
    lastScanAt: r.lastScan ? new Date(r.lastScan).toISOString() : null,
  });

  async function row(actor: Actor, id: string) {
    const [r] = await select().where(eq(wristbands.id, id));
    requireAccess(actor, 'wristband.manage', r?.orgPath);
    return r!;
  }

  async function createBatch(actor: Actor, input: z.infer<typeof createBatchSchema>) {
    const org = await orgsRepository.findById(db, input.orgId);
    requireAccess(actor, 'wristband.manage', org?.path);
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await tx
        .insert(wristbandBatches)
        .values({ id, orgId: input.orgId, label: input.label, size: input.size, createdBy: actor.accountId });
      // 100 random bits each: a collision is practically impossible, and the unique constraint would refuse one.
      await tx
        .insert(wristbands)
        .values(Array.from({ length: input.size }, () => ({ id: uuidv7(), code: newCode(), batchId: id, orgId: input.orgId })));
      await recordAudit(tx, actor, {
        action: 'wristband.batch',
        entity: 'wristband_batch',
        entityId: id,
        org: org!,
        details: { size: input.size },
      });
    });
    return (await listBatches(actor)).items.find((b) => b.id === id)!;
  }

  async function listBatches(actor: Actor) {
    const rows = await db
      .select({
        b: wristbandBatches,
        orgName: orgs.name,
        bound: sql<number>`(select count(*)::int from wristbands w where w.batch_id = ${wristbandBatches.id} and w.status = 'bound')`,
      })
      .from(wristbandBatches)
      .innerJoin(orgs, eq(orgs.id, wristbandBatches.orgId))
      .where(inScope(orgs.path, scopeOf(actor, 'wristband.manage')))
      .orderBy(desc(wristbandBatches.createdAt))
      .limit(200);
    return {
      items: rows.map((r) => ({
        id: r.b.id,
        orgId: r.b.orgId,
        orgName: r.orgName,
        label: r.b.label,
        size: r.b.size,
        bound: r.bound,
        createdAt: r.b.createdAt.toISOString(),
      })),
    };
  }

  async function list(actor: Actor, q: z.infer<typeof wristbandListQuerySchema>) {
    const code = q.code ? normaliseCode(q.code) : undefined;
    const where: SQL | undefined = and(
      inScope(orgs.path, scopeOf(actor, 'wristband.manage')),
      q.batchId ? eq(wristbands.batchId, q.batchId) : undefined,
      q.status ? eq(wristbands.status, q.status) : undefined,
      q.recipientId ? eq(wristbands.recipientId, q.recipientId) : undefined,
      q.code !== undefined ? eq(wristbands.code, code ?? '-') : undefined,
    );
    const [rows, [count]] = await Promise.all([
      select()
        .where(where)
        .orderBy(wristbands.id)
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(wristbands)
        .innerJoin(orgs, eq(orgs.id, wristbands.orgId))
        .where(where),
    ]);
    return { items: rows.map((r) => toBand(actor, r)), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
  }

  async function get(actor: Actor, id: string) {
    const r = await row(actor, id);
    const scans = await db
      .select()
      .from(wristbandScans)
      .where(eq(wristbandScans.wristbandId, id))
      .orderBy(desc(wristbandScans.scannedAt))
      .limit(200);
    return {
      ...toBand(actor, r),
      scanLog: scans.map((s) => ({
        id: s.id,
        scannedAt: s.scannedAt.toISOString(),
        notifiedAt: s.notifiedAt?.toISOString() ?? null,
        lat: s.lat,
        lng: s.lng,
        accuracyM: s.accuracyM,
        callbackPhoneMasked: s.callbackPhoneMasked,
        note: s.note,
      })),
    };
  }

  /**
   * Binding is a conditional update: two people binding the same band at once, one wins, the other is told. Only
   * for someone whose consent covers the wristband: a scan of it tells their family where they are.
   */
  async function bind(actor: Actor, id: string, recipientId: string) {
    const band = await row(actor, id);
    const [recipient] = await db
      .select({
        id: careRecipients.id,
        status: careRecipients.status,
        path: orgs.path,
        orgId: orgs.id,
        covered: sql<boolean>`${consentCovers(careRecipients.id, 'wristband')}`,
      })
      .from(careRecipients)
      .innerJoin(orgs, eq(orgs.id, careRecipients.orgId))
      .where(eq(careRecipients.id, recipientId));
    if (
      !recipient ||
      recipient.status !== 'active' ||
      !(
        scopeOf(actor, 'wristband.manage') === 'all' ||
        (scopeOf(actor, 'wristband.manage') as string[]).some((p) => recipient.path.startsWith(p))
      )
    ) {
      throw invalidField('recipientId', 'custom', 'invalid_value');
    }
    if (!recipient.covered) throw invalidField('recipientId', 'consent_lacks_wristband', 'consent_lacks_wristband');
    await db.transaction(async (tx) => {
      // Waits for an amendment or a withdrawal of the consent under way (they hold the recipient's row), so that
      // the consent is read below as they left it and they see this band bound.
      await tx.select({ id: careRecipients.id }).from(careRecipients).where(eq(careRecipients.id, recipientId)).for('share');
      const done = await tx
        .update(wristbands)
        .set({ status: 'bound', recipientId, boundAt: sql`now()`, statusChangedAt: sql`now()` })
        // The consent again, as the band is bound: a withdrawal meanwhile has erased the person and retired their bands.
        .where(and(eq(wristbands.id, id), eq(wristbands.status, 'unbound'), consentCovers(sql`${recipientId}::uuid`, 'wristband')))
        .returning({ id: wristbands.id });
      if (!done.length) throw invalidField('id', 'custom', 'wristband_not_bindable');
      await recordAudit(tx, actor, {
        action: 'wristband.bind',
        entity: 'wristband',
        entityId: id,
        org: { id: band.w.orgId, path: band.orgPath },
        details: { recipientId },
      });
    });
    return get(actor, id);
  }

  async function setStatus(actor: Actor, id: string, status: 'lost' | 'retired') {
    const band = await row(actor, id);
    const from: WristbandStatus[] = status === 'lost' ? ['bound'] : ['unbound', 'bound', 'lost'];
    await db.transaction(async (tx) => {
      const done = await tx
        .update(wristbands)
        .set({ status, statusChangedAt: sql`now()` })
        .where(and(eq(wristbands.id, id), inArray(wristbands.status, from)))
        .returning({ id: wristbands.id });
      if (!done.length) throw new AppError('conflict');
      await recordAudit(tx, actor, {
        action: `wristband.${status}`,
        entity: 'wristband',
        entityId: id,
        org: { id: band.w.orgId, path: band.orgPath },
      });
    });
    return get(actor, id);
  }

  /** The finder's callback number, for the people who call them back; every reveal is in the audit log. */
  async function revealCallback(actor: Actor, scanId: string) {
    const scan = await db.query.wristbandScans.findFirst({ where: eq(wristbandScans.id, scanId) });
    const band = scan ? await row(actor, scan.wristbandId) : undefined;
    if (!scan?.callbackPhoneEnc || !band) throw new AppError('not_found');
    const phone = crypto.decrypt(scan.callbackPhoneEnc);
    await recordAudit(db, actor, {
      action: 'wristband.reveal_callback',
      entity: 'wristband_scan',
      entityId: scanId,
      org: { id: band.w.orgId, path: band.orgPath },
    });
    return { callbackPhone: phone };
  }

  async function labels(actor: Actor, batchId: string, origin: string) {
    const batch = await db.query.wristbandBatches.findFirst({ where: eq(wristbandBatches.id, batchId) });
    const org = batch ? await orgsRepository.findById(db, batch.orgId) : undefined;
    requireAccess(actor, 'wristband.manage', org?.path);
    const codes = await db.select({ code: wristbands.code }).from(wristbands).where(eq(wristbands.batchId, batchId)).orderBy(wristbands.id);
    return {
      pdf: await wristbandLabels(
        batch!.label,
        codes.map((c) => c.code),
        origin,
      ),
      label: batch!.label,
    };
  }

  return { createBatch, listBatches, list, get, bind, setStatus, revealCallback, labels };
}

export type WristbandsService = ReturnType<typeof createWristbandsService>;
