import { and, asc, eq, sql } from 'drizzle-orm';
import { uuidv7 } from '../../platform/ids.js';
import type { Db } from '../../db/client.js';
import { activityPhotos } from '../../db/schema/index.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files.js';
import { normalisePhoto } from '../../platform/images.js';
import type { ActivitiesService } from './activities.service.js';

export { MAX_PHOTO_BYTES } from '../../platform/images.js';
const MAX_PHOTOS = 30;

/** An activity's photos, made fit to keep by `normalisePhoto` (upright, 1600 px, no location data). */
export function createPhotosService(db: Db, files: FileStore, activities: ActivitiesService) {
  async function add(actor: Actor, activityId: string, upload: { data: Buffer; truncated: boolean }, caption: string | null) {
    await activities.authorised(actor, activityId, 'activity.write');
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(activityPhotos)
      .where(eq(activityPhotos.activityId, activityId));
    if ((count?.n ?? 0) >= MAX_PHOTOS) throw invalidField('file', 'custom', 'too_many_photos');

    const photo = await normalisePhoto(upload);
    const id = uuidv7();
    const fileKey = `photos/${activityId}/${id}.jpg`;
    const thumbKey = `photos/${activityId}/${id}-thumb.jpg`;
    await files.put(fileKey, photo.full);
    await files.put(thumbKey, photo.thumb);
    await db.transaction(async (tx) => {
      await tx.insert(activityPhotos).values({
        id,
        activityId,
        fileKey,
        thumbKey,
        width: photo.width,
        height: photo.height,
        bytes: photo.full.length,
        caption,
        uploadedBy: actor.accountId,
      });
      await recordAudit(tx, actor, { action: 'activity.photo_add', entity: 'activity', entityId: activityId, details: { photoId: id } });
    });
    return (await list(actor, activityId)).items.find((p) => p.id === id)!;
  }

  async function list(actor: Actor, activityId: string) {
    await activities.authorised(actor, activityId, 'activity.read');
    const rows = await db
      .select()
      .from(activityPhotos)
      .where(eq(activityPhotos.activityId, activityId))
      .orderBy(asc(activityPhotos.createdAt), asc(activityPhotos.id));
    return {
      items: rows.map((r) => ({
        id: r.id,
        width: r.width,
        height: r.height,
        bytes: r.bytes,
        caption: r.caption,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }

  async function file(actor: Actor, activityId: string, photoId: string, size: 'full' | 'thumb') {
    await activities.authorised(actor, activityId, 'activity.read');
    const row = await db.query.activityPhotos.findFirst({
      where: and(eq(activityPhotos.id, photoId), eq(activityPhotos.activityId, activityId)),
    });
    if (!row) throw new AppError('not_found');
    const body = await files.get(size === 'thumb' ? row.thumbKey : row.fileKey);
    if (!body) throw new AppError('not_found');
    return body;
  }

  async function remove(actor: Actor, activityId: string, photoId: string) {
    await activities.authorised(actor, activityId, 'activity.write');
    const row = await db.query.activityPhotos.findFirst({
      where: and(eq(activityPhotos.id, photoId), eq(activityPhotos.activityId, activityId)),
    });
    if (!row) throw new AppError('not_found');
    await db.transaction(async (tx) => {
      await tx.delete(activityPhotos).where(eq(activityPhotos.id, photoId));
      await recordAudit(tx, actor, { action: 'activity.photo_remove', entity: 'activity', entityId: activityId, details: { photoId } });
    });
    await files.delete(row.fileKey);
    await files.delete(row.thumbKey);
  }

  return { add, list, file, remove };
}

export type PhotosService = ReturnType<typeof createPhotosService>;
