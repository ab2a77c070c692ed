import { desc, eq, sql } from 'drizzle-orm';
import type { visitHistoryQuerySchema } from '@youshe/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { careVisits, persons } from '../../db/schema/index.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { loadRecipient, mayReveal, requireSee } from './care.access.js';

/**
 * A recipient's visit history for the console. The page lists what happened (when, who, presence, help, concern,
 * whether a note, photo or signature exists) to anyone who may see the recipient; the checklist answers only to
 * those who may see health details. The note and the photo stay closed until someone asks for one visit's, and
 * each such look is audited, like the address and health notes.
 */
export function createHistoryService(db: Db, crypto: FieldCrypto) {
  async function visits(actor: Actor, id: string, q: z.infer<typeof visitHistoryQuerySchema> = { page: 1, pageSize: 20 }) {
    const row = await loadRecipient(db, id);
    requireSee(actor, row);
    const full = mayReveal(actor, row);
    const [rows, [count]] = await Promise.all([
      db
        .select({
          v: {
            id: careVisits.id,
            visitedAt: careVisits.visitedAt,
            minutes: careVisits.minutes,
            presence: careVisits.presence,
            answers: careVisits.answers,
            helpGiven: careVisits.helpGiven,
            concern: careVisits.concern,
            confirmation: careVisits.confirmation,
            lateReason: careVisits.lateReason,
          },
          // Whether the encrypted parts exist, without reading them (a photo is most of a row's bytes).
          hasNote: sql<boolean>`${careVisits.noteEnc} is not null`,
          hasPhoto: sql<boolean>`${careVisits.photoEnc} is not null`,
          hasSignature: sql<boolean>`${careVisits.signatureEnc} is not null`,
          volunteerName: persons.name,
        })
        .from(careVisits)
        .leftJoin(persons, eq(persons.id, careVisits.volunteerId))
        .where(eq(careVisits.recipientId, id))
        .orderBy(desc(careVisits.visitedAt), desc(careVisits.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(careVisits)
        .where(eq(careVisits.recipientId, id)),
    ]);
    return {
      items: rows.map(({ v, volunteerName, hasNote, hasPhoto, hasSignature }) => ({
        id: v.id,
        visitedAt: v.visitedAt.toISOString(),
        volunteerName,
        minutes: v.minutes,
        presence: v.presence as 'visited',
        answers: full ? v.answers : null,
        helpGiven: v.helpGiven,
        note: null,
        concern: v.concern as 'none',
        confirmation: v.confirmation as 'verbal',
        hasSignature,
        hasPhoto,
        hasNote,
        lateReason: v.lateReason,
      })),
      total: count?.n ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** One visit's note in clear, for those who may see health details; audited. Others outside the grid get 404. */
  async function revealNote(actor: Actor, visitId: string) {
    const [visit] = await db
      .select({ recipientId: careVisits.recipientId, noteEnc: careVisits.noteEnc })
      .from(careVisits)
      .where(eq(careVisits.id, visitId));
    const row = visit ? await loadRecipient(db, visit.recipientId) : undefined;
    requireSee(actor, row);
    if (!mayReveal(actor, row)) throw new AppError('forbidden');
    await recordAudit(db, actor, {
      action: 'care.visit_note_view',
      entity: 'care_visit',
      entityId: visitId,
      org: { id: row.r.orgId, path: row.orgPath },
      details: { recipientId: row.r.id },
    });
    return { note: visit!.noteEnc ? crypto.decrypt(visit!.noteEnc) : null };
  }

  return { visits, revealNote };
}
