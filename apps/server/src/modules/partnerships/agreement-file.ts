import { eq } from 'drizzle-orm';
import { uuidv7 } from '../../platform/ids.js';
import type { Db } from '../../db/client.js';
import { partnerships } from '../../db/schema/index.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files.js';
import type { PartnershipsService } from './partnerships.service.js';

/** What a signed agreement may be: a PDF, or a photo of the paper. Told by the file's first bytes, never its name. */
const KINDS = [
  { type: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
] as const;

export function sniffAgreementKind(data: Buffer) {
  return KINDS.find((k) => data.length > k.magic.length && k.magic.every((b, i) => data[i] === b)) ?? null;
}

/** A name safe to show and to send back in a download header: no path, no control characters, not too long. */
function cleanName(name: string | undefined, ext: string): string {
  const base = [...((name ?? '').split(/[\\/]/).pop() ?? '')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f' && c !== '"')
    .join('')
    .trim()
    .slice(0, 120);
  return base || `agreement.${ext}`;
}

/** The signed agreement attached to a partnership: one file, replaced when a new one is attached. */
export function createAgreementFiles(db: Db, files: FileStore, partnershipsService: PartnershipsService) {
  async function attach(actor: Actor, id: string, upload: { data: Buffer; truncated: boolean; filename?: string }) {
    await partnershipsService.authorised(actor, id, 'activity.write');
    if (upload.truncated) throw invalidField('file', 'custom', 'agreement_file_too_large');
    const kind = sniffAgreementKind(upload.data);
    if (!kind) throw invalidField('file', 'custom', 'agreement_file_type');
    const key = `agreements/${id}/${uuidv7()}.${kind.ext}`;
    // Stored first, recorded second: a failed write leaves an unreferenced file, never a record without its file.
    await files.put(key, upload.data);
    const previous = await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ key: partnerships.agreementFileKey })
        .from(partnerships)
        .where(eq(partnerships.id, id))
        .for('update');
      await tx
        .update(partnerships)
        .set({
          agreementFileKey: key,
          agreementFileName: cleanName(upload.filename, kind.ext),
          agreementFileType: kind.type,
          agreementFileBytes: upload.data.length,
          updatedAt: new Date(),
        })
        .where(eq(partnerships.id, id));
      await recordAudit(tx, actor, {
        action: 'partnership.agreement_attach',
        entity: 'partnership',
        entityId: id,
        details: { bytes: upload.data.length, type: kind.type },
      });
      return before?.key ?? null;
    });
    if (previous) await files.delete(previous);
    return partnershipsService.get(actor, id);
  }

  async function download(actor: Actor, id: string) {
    const p = await partnershipsService.authorised(actor, id, 'activity.read');
    if (!p.agreementFileKey || !p.agreementFileType) throw new AppError('not_found');
    const body = await files.get(p.agreementFileKey);
    if (!body) throw new AppError('not_found');
    return { body, type: p.agreementFileType, name: p.agreementFileName ?? 'agreement' };
  }

  async function detach(actor: Actor, id: string) {
    await partnershipsService.authorised(actor, id, 'activity.write');
    const previous = await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ key: partnerships.agreementFileKey })
        .from(partnerships)
        .where(eq(partnerships.id, id))
        .for('update');
      if (!before?.key) throw new AppError('not_found');
      await tx
        .update(partnerships)
        .set({ agreementFileKey: null, agreementFileName: null, agreementFileType: null, agreementFileBytes: null, updatedAt: new Date() })
        .where(eq(partnerships.id, id));
      await recordAudit(tx, actor, { action: 'partnership.agreement_remove', entity: 'partnership', entityId: id });
      return before.key;
    });
    await files.delete(previous);
    return partnershipsService.get(actor, id);
  }

  return { attach, download, detach };
}

export type AgreementFiles = ReturnType<typeof createAgreementFiles>;
