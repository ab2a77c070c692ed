import { sql } from 'drizzle-orm';
import { FUNCTION_GROUPS, type ServiceKind, type stationListQuerySchema, type updateStationSchema } from '@youshe/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { can, inScope, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { narrowedPath } from '../orgs/narrowed-path.js';
import { orgsRepository } from '../orgs/orgs.repository.js';
import { peopleRepository } from '../people/people.repository.js';
import { placesRepository } from '../places/places.repository.js';
import { stationsRepository as repo } from './stations.repository.js';
import { chinaToday } from './china-day.js';
import { createFunctionCatalogue } from './function-catalogue.service.js';

type Positioning = 'red_station' | 'live_classroom' | 'service_platform';

/** Red stations: their profile, enabled functions and services, the public page, and the function catalogue. */
export function createStationsService(db: Db) {
  /** The station's place, or 404 when it is no station or lies outside what the actor may read. */
  async function stationPlace(
    actor: Actor | null,
    placeId: string,
    permission: 'place.read' | 'station.write' | 'service.log' = 'place.read',
  ) {
    const place = await placesRepository.findById(db, placeId);
    if (actor) requireAccess(actor, permission, place?.orgPath);
    if (!place || place.kind !== 'red_station' || place.archivedAt) throw new AppError('not_found');
    return place;
  }

  async function list(actor: Actor, q: z.infer<typeof stationListQuerySchema>) {
    const path = await narrowedPath(db, actor, 'place.read', q.orgId);
    const permission = q.loggable === 'true' ? 'service.log' : 'place.read';
    const where = sql`${inScope(sql`orgs.path`, scopeOf(actor, permission))} ${path ? sql`and orgs.path like ${path + '%'}` : sql``}`;
    const rows = await repo.list(db, where, chinaToday());
    return {
      items: rows.map(({ orgPath, ...r }) => ({ ...r, canLog: can(actor, 'service.log', orgPath) })),
    };
  }

  async function present(actor: Actor, placeId: string) {
    const place = await stationPlace(actor, placeId);
    const [profile, functionIds, services] = await Promise.all([
      repo.profile(db, placeId),
      repo.functionIds(db, placeId),
      repo.services(db, placeId),
    ]);
    let head = null;
    if (profile?.headPersonId) {
      const name = await repo.personName(db, profile.headPersonId);
      if (name) head = { personId: profile.headPersonId, name, appointments: await repo.currentAppointments(db, profile.headPersonId) };
    }
    return {
      placeId,
      name: place.name,
      orgId: place.orgId,
      orgName: place.orgName,
      address: place.address,
      openingHours: place.openingHours,
      positionings: (profile?.positionings ?? []) as Positioning[],
      functionIds,
      head,
      community: await repo.orgName(db, profile?.communityOrgId ?? null),
      grid: await repo.orgName(db, profile?.gridOrgId ?? null),
      contactPhone: profile?.contactPhone ?? null,
      intro: profile?.intro ?? '',
      services: services.map((s) => ({ kind: s.kind as ServiceKind, note: s.note })),
      canEdit: can(actor, 'station.write', place.orgPath),
      canLog: can(actor, 'service.log', place.orgPath),
    };
  }

  async function update(actor: Actor, placeId: string, patch: z.infer<typeof updateStationSchema>) {
    const place = await stationPlace(actor, placeId, 'station.write');
    const current = await repo.profile(db, placeId);
    const communityOrgId = patch.communityOrgId === undefined ? (current?.communityOrgId ?? null) : patch.communityOrgId;
    const gridOrgId = patch.gridOrgId === undefined ? (current?.gridOrgId ?? null) : patch.gridOrgId;
    const community = communityOrgId ? await orgsRepository.findById(db, communityOrgId) : null;
    if (communityOrgId && (!community || community.kind !== 'community' || community.archivedAt)) {
      throw invalidField('communityOrgId', 'custom', 'not_a_community');
    }
    if (gridOrgId) {
      const grid = await orgsRepository.findById(db, gridOrgId);
      if (!grid || grid.kind !== 'grid' || grid.archivedAt) throw invalidField('gridOrgId', 'custom', 'not_a_grid_org');
      if (community && !grid.path.startsWith(community.path)) throw invalidField('gridOrgId', 'custom', 'grid_outside_community');
    }
    if (patch.headPersonId) {
      const person = await peopleRepository.findById(db, patch.headPersonId);
      // The head is someone the editor may see in the directory; anyone else "does not exist".
      if (!person || !can(actor, 'person.read', person.orgPath)) throw invalidField('headPersonId', 'custom', 'invalid_value');
    }
    if (patch.functionIds?.length) {
      const known = new Set((await repo.functions(db, false)).map((f) => f.id));
      const bad = patch.functionIds.findIndex((id) => !known.has(id));
      if (bad >= 0) throw invalidField(`functionIds.${bad}`, 'custom', 'unknown_function');
    }
    await db.transaction(async (tx) => {
      await repo.upsertProfile(tx, {
        placeId,
        positionings: patch.positionings ? [...new Set(patch.positionings)] : (current?.positionings ?? []),
        headPersonId: patch.headPersonId === undefined ? (current?.headPersonId ?? null) : patch.headPersonId,
        communityOrgId,
        gridOrgId,
        contactPhone: patch.contactPhone === undefined ? (current?.contactPhone ?? null) : patch.contactPhone,
        intro: patch.intro ?? current?.intro ?? '',
      });
      if (patch.functionIds) await repo.replaceFunctions(tx, placeId, [...new Set(patch.functionIds)]);
      if (patch.services) {
        const byKind = new Map(patch.services.map((s) => [s.kind, s.note ?? '']));
        await repo.replaceServices(
          tx,
          placeId,
          [...byKind].map(([kind, note]) => ({ kind, note })),
        );
      }
      if (patch.openingHours !== undefined) await placesRepository.update(tx, placeId, { openingHours: patch.openingHours });
      await recordAudit(tx, actor, {
        action: 'station.update',
        entity: 'place',
        entityId: placeId,
        org: { id: place.orgId, path: place.orgPath },
        details: { fields: Object.keys(patch) },
      });
    });
    return present(actor, placeId);
  }

  /** The page behind the QR code: no sign-in, nothing personal beyond the head's name. */
  async function publicStation(placeId: string) {
    const place = await stationPlace(null, placeId);
    const [profile, functions, services] = await Promise.all([
      repo.profile(db, placeId),
      repo.enabledFunctions(db, placeId),
      repo.services(db, placeId),
    ]);
    const headName = profile?.headPersonId ? await repo.personName(db, profile.headPersonId) : null;
    return {
      placeId,
      name: place.name,
      address: place.address,
      openingHours: place.openingHours,
      positionings: (profile?.positionings ?? []) as Positioning[],
      functionGroups: FUNCTION_GROUPS.map((groupKey) => ({
        groupKey,
        functions: functions.filter((f) => f.groupKey === groupKey).map(({ name, description }) => ({ name, description })),
      })).filter((g) => g.functions.length > 0),
      services: services.map((s) => s.kind as ServiceKind),
      contactPhone: profile?.contactPhone ?? null,
      headName,
      communityName: (await repo.orgName(db, profile?.communityOrgId ?? null))?.name ?? null,
      orgName: place.orgName,
    };
  }

  return { stationPlace, list, present, update, publicStation, ...createFunctionCatalogue(db) };
}

export type StationsService = ReturnType<typeof createStationsService>;
