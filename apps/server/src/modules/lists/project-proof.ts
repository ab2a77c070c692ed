import { and, eq } from 'drizzle-orm';
import { uuidv7 } from '../../platform/ids.js';
import type { Db } from '../../db/client.js';
import { projects } from '../../db/schema/index.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files.js';
import { normalisePhoto } from '../../platform/images.js';
import type { ProjectsService } from './projects.service.js';

/** A photo of the help given: proof that a project or micro-wish was fulfilled, taken on the member's phone. */
export function createProjectProof(db: Db, files: FileStore, projectsService: ProjectsService) {
  async function attach(actor: Actor, id: string, upload: { data: Buffer; truncated: boolean }) {
    const project = await projectsService.proofTarget(actor, id, true);
    if (project.status !== 'claimed') throw invalidField('file', 'custom', 'proof_photo_locked');
    const photo = await normalisePhoto(upload);
    const name = uuidv7();
    const fileKey = `proofs/${id}/${name}.jpg`;
    const thumbKey = `proofs/${id}/${name}-thumb.jpg`;
    await files.put(fileKey, photo.full);
    await files.put(thumbKey, photo.thumb);
    const replaced = await db.transaction(async (tx) => {
      const rows = await tx
        .update(projects)
        .set({ proofPhotoKey: fileKey, proofThumbKey: thumbKey, updatedAt: new Date() })
        .where(and(eq(projects.id, id), eq(projects.status, 'claimed')))
        .returning({ id: projects.id });
      if (!rows.length) return null;
      await recordAudit(tx, actor, {
        action: 'project.proof_photo',
        entity: 'project',
        entityId: id,
        details: { bytes: photo.full.length },
      });
      return project;
    });
    // Finished in the meantime, or replaced: the files no record points to go.
    const stale = replaced ? [project.proofPhotoKey, project.proofThumbKey] : [fileKey, thumbKey];
    for (const key of stale) if (key) await files.delete(key);
    if (!replaced) throw invalidField('file', 'custom', 'proof_photo_locked');
    return projectsService.get(actor, id);
  }

  async function photo(actor: Actor, id: string, size: 'full' | 'thumb') {
    const project = await projectsService.proofTarget(actor, id, false);
    const key = size === 'thumb' ? project.proofThumbKey : project.proofPhotoKey;
    const body = key ? await files.get(key) : null;
    if (!body) throw new AppError('not_found');
    return body;
  }

  return { attach, photo };
}

export type ProjectProof = ReturnType<typeof createProjectProof>;
