import type { PlaceKind, createPlaceSchema, placeListQuerySchema, updatePlaceSchema } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { narrowedPath } from '../orgs/narrowed-path.js';
import { orgsRepository } from '../orgs/orgs.repository.js';
import { placesRepository as repo } from './places.repository.js';

type PlaceRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

const toPlace = ({ orgPath: _p, ...row }: PlaceRow) => ({
  ...row,
  kind: row.kind as PlaceKind,
  archivedAt: row.archivedAt ? row.archivedAt.toISOString() : null,
});

export function createPlacesService(db: Db) {
  async function get(actor: Actor, id: string) {
    const place = await repo.findById(db, id);
    requireAccess(actor, 'place.read', place?.orgPath);
    return toPlace(place!);
  }

  async function list(actor: Actor, query: z.infer<typeof placeListQuerySchema>) {
    const underPath = await narrowedPath(db, actor, 'place.read', query.orgId);
    const filter = {
      scope: scopeOf(actor, 'place.read'),
      underPath,
      kind: query.kind,
      q: query.q,
      hasPartyMember: query.hasPartyMember === undefined ? undefined : query.hasPartyMember === 'true',
      includeArchived: query.includeArchived === 'true',
    };
    const { items, total } = await repo.list(db, filter, query.page, query.pageSize);
    return { items: items.map(toPlace), total, page: query.page, pageSize: query.pageSize };
  }

  async function create(actor: Actor, input: z.infer<typeof createPlaceSchema>) {
    const org = await orgsRepository.findById(db, input.orgId);
    requireAccess(actor, 'place.write', org?.path);
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await repo.insert(tx, {
        ...input,
        id,
        address: input.address ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        openingHours: input.openingHours ?? null,
      });
      await recordAudit(tx, actor, {
        action: 'place.create',
        entity: 'place',
        entityId: id,
        org: org!,
        details: { name: input.name, kind: input.kind },
      });
    });
    return get(actor, id);
  }

  async function update(actor: Actor, id: string, patch: z.infer<typeof updatePlaceSchema>) {
    const place = await repo.findById(db, id);
    requireAccess(actor, 'place.write', place?.orgPath);
    let org = { id: place!.orgId, path: place!.orgPath };
    if (patch.orgId && patch.orgId !== place!.orgId) {
      const target = await orgsRepository.findById(db, patch.orgId);
      requireAccess(actor, 'place.write', target?.path);
      org = { id: target!.id, path: target!.path };
    }
    await db.transaction(async (tx) => {
      await repo.update(tx, id, patch);
      await recordAudit(tx, actor, { action: 'place.update', entity: 'place', entityId: id, org, details: { changes: patch } });
    });
    return get(actor, id);
  }

  async function setArchived(actor: Actor, id: string, archived: boolean) {
    const place = await repo.findById(db, id);
    requireAccess(actor, 'place.write', place?.orgPath);
    await db.transaction(async (tx) => {
      await repo.update(tx, id, { archivedAt: archived ? new Date() : null });
      await recordAudit(tx, actor, {
        action: archived ? 'place.archive' : 'place.restore',
        entity: 'place',
        entityId: id,
        org: { id: place!.orgId, path: place!.orgPath },
      });
    });
    return get(actor, id);
  }

  return { get, list, create, update, setArchived };
}

export type PlacesService = ReturnType<typeof createPlacesService>;
