import { inArray } from 'drizzle-orm';
import type { Activity, ActivityStatus } from '@youshe/shared';
import type { Executor } from '../../db/client.js';
import { activityPartnerships } from '../../db/schema/index.js';
import { activitiesRepository as repo } from './activities.repository.js';

type ListRow = Awaited<ReturnType<typeof repo.listRows>>[number];

/** Turns activity rows into what the API answers, loading organisers and partnerships for the whole page at once. */
export async function presentActivities(db: Executor, rows: ListRow[]): Promise<Activity[]> {
  const ids = rows.map((r) => r.activity.id);
  const [organisers, links] = await Promise.all([
    repo.organisers(db, ids),
    ids.length ? db.select().from(activityPartnerships).where(inArray(activityPartnerships.activityId, ids)) : Promise.resolve([]),
  ]);
  return rows.map(({ activity: a, orgName, kindName, placeName, waitlistCount, confirmedCount, attendance, photoCount }) => ({
    id: a.id,
    orgId: a.orgId,
    orgName,
    kindId: a.kindId,
    kindName,
    title: a.title,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    placeId: a.placeId,
    placeName,
    location: a.location,
    description: a.description,
    capacity: a.capacity,
    status: a.status as ActivityStatus,
    publicToken: a.publicToken,
    confirmedCount,
    waitlistCount,
    attendanceCount: attendance,
    attendanceByHand: a.attendanceByHand,
    photoCount,
    outcome: a.outcome as Record<string, number>,
    // The organising unit first, then its co-organisers.
    organisers: organisers
      .filter((o) => o.activityId === a.id)
      .sort((x, y) => Number(y.id === a.orgId) - Number(x.id === a.orgId))
      .map((o) => ({ id: o.id, name: o.name })),
    partnershipIds: links.filter((l) => l.activityId === a.id).map((l) => l.partnershipId),
  }));
}
