import type { CreatePerson, PersonKind, RevealableField, personListQuerySchema, updatePersonSchema } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { narrowedPath } from '../orgs/narrowed-path.js';
import { orgsRepository } from '../orgs/orgs.repository.js';
import { peopleRepository as repo } from './people.repository.js';
import { sealPersonalData } from './person-secrets.js';

type PersonRow = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

const toPerson = ({ orgPath: _p, ...row }: PersonRow) => ({
  ...row,
  gender: row.gender as 'male' | 'female' | null,
  kinds: row.kinds as PersonKind[],
  archivedAt: row.archivedAt ? row.archivedAt.toISOString() : null,
});

/** Field names in audit details: which fields changed, never their values. */
const changedFields = (patch: object) => Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);

export function createPeopleService(db: Db, crypto: FieldCrypto) {
  async function requireOrg(actor: Actor, orgId: string, permission: 'person.write' | 'org.read') {
    const org = await orgsRepository.findById(db, orgId);
    requireAccess(actor, permission, org?.path);
    return org!;
  }

  async function get(actor: Actor, id: string) {
    const person = await repo.findById(db, id);
    requireAccess(actor, 'person.read', person?.orgPath);
    return toPerson(person!);
  }

  async function list(actor: Actor, query: z.infer<typeof personListQuerySchema>) {
    const underPath = await narrowedPath(db, actor, 'person.read', query.orgId);
    const filter = {
      scope: scopeOf(actor, 'person.read'),
      underPath,
      q: query.q,
      phoneBidx: query.phone ? crypto.blindIndex('phone', query.phone) : undefined,
      kind: query.kind,
      includeArchived: query.includeArchived === 'true',
    };
    const { items, total } = await repo.list(db, filter, query.page, query.pageSize);
    return { items: items.map(toPerson), total, page: query.page, pageSize: query.pageSize };
  }

  async function create(actor: Actor, input: CreatePerson) {
    const org = await requireOrg(actor, input.orgId, 'person.write');
    if (input.partyBranchId) await requireOrg(actor, input.partyBranchId, 'org.read');
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await repo.insert(tx, {
        id,
        orgId: input.orgId,
        name: input.name,
        gender: input.gender ?? null,
        kinds: [...new Set(input.kinds)],
        partyJoinDate: input.partyJoinDate ?? null,
        partyBranchId: input.partyBranchId ?? null,
        ...sealPersonalData(crypto, { phone: input.phone ?? null, idNumber: input.idNumber ?? null, address: input.address ?? null }),
      });
      await recordAudit(tx, actor, {
        action: 'person.create',
        entity: 'person',
        entityId: id,
        org,
        details: { fields: changedFields(input) },
      });
    });
    return get(actor, id);
  }

  async function update(actor: Actor, id: string, patch: z.infer<typeof updatePersonSchema>) {
    const person = await repo.findById(db, id);
    requireAccess(actor, 'person.write', person?.orgPath);
    const org =
      patch.orgId && patch.orgId !== person!.orgId
        ? await requireOrg(actor, patch.orgId, 'person.write')
        : { id: person!.orgId, path: person!.orgPath };
    if (patch.partyBranchId) await requireOrg(actor, patch.partyBranchId, 'org.read');
    const { phone, idNumber, address, kinds, ...plain } = patch;
    await db.transaction(async (tx) => {
      await repo.update(tx, id, {
        ...plain,
        ...(kinds ? { kinds: [...new Set(kinds)] } : {}),
        ...sealPersonalData(crypto, { phone, idNumber, address }),
      });
      await recordAudit(tx, actor, {
        action: 'person.update',
        entity: 'person',
        entityId: id,
        org,
        details: { fields: changedFields(patch) },
      });
    });
    return get(actor, id);
  }

  async function setArchived(actor: Actor, id: string, archived: boolean) {
    const person = await repo.findById(db, id);
    requireAccess(actor, 'person.write', person?.orgPath);
    await db.transaction(async (tx) => {
      await repo.update(tx, id, { archivedAt: archived ? new Date() : null });
      await recordAudit(tx, actor, {
        action: archived ? 'person.archive' : 'person.restore',
        entity: 'person',
        entityId: id,
        org: { id: person!.orgId, path: person!.orgPath },
      });
    });
    return get(actor, id);
  }

  /** Shows one personal field in clear, and writes who saw it into the audit log in the same transaction. */
  async function reveal(actor: Actor, id: string, field: RevealableField) {
    const person = await repo.findById(db, id);
    requireAccess(actor, 'person.reveal', person?.orgPath);
    return db.transaction(async (tx) => {
      const secrets = await repo.secrets(tx, id);
      const stored = secrets?.[field] ?? null;
      await recordAudit(tx, actor, {
        action: 'person.reveal',
        entity: 'person',
        entityId: id,
        org: { id: person!.orgId, path: person!.orgPath },
        details: { field },
      });
      return { field, value: stored ? crypto.decrypt(stored) : null };
    });
  }

  return { get, list, create, update, setArchived, reveal };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
