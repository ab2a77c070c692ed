import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type {
  PressRelease,
  draftPressReleaseSchema,
  pressListQuerySchema,
  publishPressReleaseSchema,
  updatePressReleaseSchema,
} from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { activities, activityKinds, activityPhotos, activityQuotes, orgs, pressReleases } from '../../db/schema/index.js';
import { inScope, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { narrowedPath } from '../orgs/narrowed-path.js';
import { activitiesRepository } from '../activities/activities.repository.js';
import { attendanceOfActivity } from '../activities/attendance.js';
import { draftRelease } from './press-draft.js';

/** Publicity (宣传): news releases drafted from an activity's records, edited, then tracked once published. */
export function createPressService(db: Db) {
  async function rows(where: SQL | undefined, page = 1, pageSize = 50) {
    const found = await db
      .select({ p: pressReleases, orgName: orgs.name, orgPath: orgs.path, activityTitle: activities.title })
      .from(pressReleases)
      .innerJoin(orgs, eq(orgs.id, pressReleases.orgId))
      .leftJoin(activities, eq(activities.id, pressReleases.activityId))
      .where(where)
      .orderBy(desc(pressReleases.createdAt), desc(pressReleases.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const activityIds = [...new Set(found.map((r) => r.p.activityId).filter((x): x is string => !!x))];
    const photos = activityIds.length
      ? await db
          .select({ id: activityPhotos.id, activityId: activityPhotos.activityId })
          .from(activityPhotos)
          .where(
            sql`${activityPhotos.activityId} in (${sql.join(
              activityIds.map((i) => sql`${i}::uuid`),
              sql`, `,
            )})`,
          )
          .orderBy(activityPhotos.createdAt)
      : [];
    return found.map((r) => ({
      path: r.orgPath,
      release: {
        id: r.p.id,
        orgId: r.p.orgId,
        orgName: r.orgName,
        activityId: r.p.activityId,
        activityTitle: r.activityTitle,
        title: r.p.title,
        lead: r.p.lead,
        body: r.p.body,
        status: r.p.status as PressRelease['status'],
        outlet: r.p.outlet,
        publishedOn: r.p.publishedOn,
        link: r.p.link,
        version: r.p.version,
        photoIds: photos
          .filter((ph) => ph.activityId === r.p.activityId)
          .map((ph) => ph.id)
          .slice(0, 6),
        createdAt: r.p.createdAt.toISOString(),
        updatedAt: r.p.updatedAt.toISOString(),
      } satisfies PressRelease,
    }));
  }

  async function load(actor: Actor, id: string, permission: 'report.read' | 'press.write') {
    const [row] = await rows(eq(pressReleases.id, id), 1, 1);
    requireAccess(actor, permission, row?.path);
    return row!.release;
  }

  async function list(actor: Actor, q: z.infer<typeof pressListQuerySchema>) {
    const underPath = await narrowedPath(db, actor, 'report.read', q.orgId);
    const where = and(
      inScope(orgs.path, scopeOf(actor, 'report.read')),
      underPath ? sql`${orgs.path} like ${underPath + '%'}` : undefined,
      q.activityId ? eq(pressReleases.activityId, q.activityId) : undefined,
      q.status ? eq(pressReleases.status, q.status) : undefined,
    );
    const [found, [count]] = await Promise.all([
      rows(where, q.page, q.pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(pressReleases)
        .innerJoin(orgs, eq(orgs.id, pressReleases.orgId))
        .where(where),
    ]);
    return { items: found.map((r) => r.release), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
  }

  /** Writes a first draft from the activity's records: who, when, where, what, figures, a quote, photos. */
  async function draft(actor: Actor, input: z.infer<typeof draftPressReleaseSchema>) {
    const activity = await activitiesRepository.findById(db, input.activityId);
    const organisers = activity ? await activitiesRepository.organisers(db, [activity.id]) : [];
    const own = organisers.find((o) => o.id === activity?.orgId);
    requireAccess(actor, 'press.write', own?.path);
    const [kind] = await db.select({ name: activityKinds.name }).from(activityKinds).where(eq(activityKinds.id, activity!.kindId));
    const [quote] = await db
      .select({ speaker: activityQuotes.speaker, text: activityQuotes.text })
      .from(activityQuotes)
      .where(eq(activityQuotes.activityId, activity!.id))
      .orderBy(activityQuotes.createdAt)
      .limit(1);
    const [photos] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(activityPhotos)
      .where(eq(activityPhotos.activityId, activity!.id));
    const text = draftRelease({
      title: activity!.title,
      kindName: kind?.name ?? '',
      orgName: own!.name,
      coOrganisers: organisers.filter((o) => o.id !== activity!.orgId).map((o) => o.name),
      startsAt: activity!.startsAt,
      location: activity!.location,
      description: activity!.description,
      attendance: await attendanceOfActivity(db, activity!.id),
      outcome: activity!.outcome as Record<string, number>,
      quote: quote ?? null,
      photoCount: photos?.n ?? 0,
    });
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await tx.insert(pressReleases).values({ id, orgId: activity!.orgId, activityId: activity!.id, ...text, createdBy: actor.accountId });
      await recordAudit(tx, actor, { action: 'press.draft', entity: 'press_release', entityId: id, org: { id: own!.id, path: own!.path } });
    });
    return load(actor, id, 'report.read');
  }

  /** A save is applied only to the version it was based on: of two editors at once, the second is told to reload. */
  async function saveVersioned(
    actor: Actor,
    id: string,
    version: number,
    patch: Partial<typeof pressReleases.$inferInsert>,
    action: string,
  ) {
    const current = await load(actor, id, 'press.write');
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(pressReleases)
        .set({ ...patch, version: sql`${pressReleases.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(pressReleases.id, id), eq(pressReleases.version, version)))
        .returning({ id: pressReleases.id });
      if (!updated.length) throw new AppError('conflict');
      const [org] = await tx.select({ id: orgs.id, path: orgs.path }).from(orgs).where(eq(orgs.id, current.orgId));
      await recordAudit(tx, actor, { action, entity: 'press_release', entityId: id, org: org ?? null });
    });
    return load(actor, id, 'report.read');
  }

  function update(actor: Actor, id: string, input: z.infer<typeof updatePressReleaseSchema>) {
    return saveVersioned(
      actor,
      id,
      input.version,
      { title: input.title.trim(), lead: input.lead.trim(), body: input.body.trim() },
      'press.update',
    );
  }

  function publish(actor: Actor, id: string, input: z.infer<typeof publishPressReleaseSchema>) {
    if (input.publishedOn > new Date(Date.now() + 8 * 3600_000 + 86400_000).toISOString().slice(0, 10))
      throw invalidField('publishedOn', 'custom', 'date_in_future');
    return saveVersioned(
      actor,
      id,
      input.version,
      { status: 'published', outlet: input.outlet, publishedOn: input.publishedOn, link: input.link || null },
      'press.publish',
    );
  }

  return { list, get: (actor: Actor, id: string) => load(actor, id, 'report.read'), draft, update, publish };
}

export type PressService = ReturnType<typeof createPressService>;
