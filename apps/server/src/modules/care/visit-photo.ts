import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { careVisits } from '../../db/schema/index.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { normalisePhoto } from '../../platform/images.js';
import { loadRecipient, mayReveal, requireSee } from './care.access.js';

/**
 * The optional photo of a visit. The phone sends it after the visit itself (a visit queued offline must not wait
 * on a large upload); sending it again replaces it, so a retry is harmless. Only the carrier who logged the visit
 * may add it; whoever may see the recipient's address may see it, and every look is audited.
 */
export function createVisitPhotos(db: Db, crypto: FieldCrypto) {
  async function attach(actor: Actor, visitId: string, upload: { data: Buffer; truncated: boolean }) {
    const [visit] = await db.select({ accountId: careVisits.accountId }).from(careVisits).where(eq(careVisits.id, visitId));
    if (!visit || visit.accountId !== actor.accountId) throw new AppError('not_found');
    const photo = await normalisePhoto(upload, 1024);
    await db.transaction(async (tx) => {
      await tx
        .update(careVisits)
        .set({ photoEnc: crypto.encrypt(photo.full.toString('base64')) })
        .where(eq(careVisits.id, visitId));
      await recordAudit(tx, actor, {
        action: 'care.visit_photo',
        entity: 'care_visit',
        entityId: visitId,
        details: { bytes: photo.full.length },
      });
    });
    return { ok: true as const };
  }

  async function view(actor: Actor, visitId: string) {
    const [visit] = await db
      .select({ recipientId: careVisits.recipientId, photoEnc: careVisits.photoEnc })
      .from(careVisits)
      .where(eq(careVisits.id, visitId));
    const row = visit ? await loadRecipient(db, visit.recipientId) : undefined;
    requireSee(actor, row);
    if (!mayReveal(actor, row)) throw new AppError('forbidden');
    if (!visit?.photoEnc) throw new AppError('not_found');
    await recordAudit(db, actor, {
      action: 'care.visit_photo_view',
      entity: 'care_visit',
      entityId: visitId,
      org: { id: row.r.orgId, path: row.orgPath },
    });
    return Buffer.from(crypto.decrypt(visit.photoEnc), 'base64');
  }

  return { attach, view };
}

export type VisitPhotos = ReturnType<typeof createVisitPhotos>;
