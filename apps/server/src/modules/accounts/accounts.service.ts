import { randomInt } from 'node:crypto';
import { ROLE_RANK, type Role, type accountListQuerySchema, type createAccountSchema, type grantRequestSchema } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { can, isPlatformAdmin, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { hashPassword } from '../auth/passwords.js';
import { narrowedPath } from '../orgs/narrowed-path.js';
import { orgsRepository } from '../orgs/orgs.repository.js';
import { peopleRepository } from '../people/people.repository.js';
import { accountsRepository as repo } from './accounts.repository.js';

type GrantRequest = z.infer<typeof grantRequestSchema>;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password people can read aloud and type on a phone: 12 characters, no look-alikes. */
export function oneTimePassword(): string {
  return Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** The highest role the actor holds over this org's path. */
function rankAt(actor: Actor, path: string): number {
  return Math.max(0, ...actor.grants.filter((g) => g.orgPath === null || path.startsWith(g.orgPath)).map((g) => ROLE_RANK[g.role]));
}

export function createAccountsService(db: Db) {
  function filter(actor: Actor) {
    const scope = scopeOf(actor, 'account.manage');
    if (scope !== 'all' && scope.length === 0) throw new AppError('forbidden');
    return { scope };
  }

  async function requireVisible(actor: Actor, id: string) {
    if (!(await repo.isVisible(db, id, filter(actor)))) throw new AppError('not_found');
  }

  /** Grants may only be handed out inside the actor's subtree, and never above the actor's own role there. */
  async function requireGrantable(actor: Actor, grant: GrantRequest): Promise<{ id: string; path: string } | null> {
    if (grant.role === 'platform_admin' || grant.orgId === null) {
      if (!isPlatformAdmin(actor)) throw new AppError('forbidden');
      if (grant.role !== 'platform_admin' || grant.orgId !== null) throw invalidField('grant.orgId', 'custom', 'invalid_value');
      return null;
    }
    const org = await orgsRepository.findById(db, grant.orgId);
    requireAccess(actor, 'account.manage', org?.path);
    if (rankAt(actor, org!.path) < ROLE_RANK[grant.role as Role]) throw invalidField('grant.role', 'custom', 'role_above_own');
    return { id: org!.id, path: org!.path };
  }

  /**
   * Changing someone's account (disable, reset, revoke) needs authority over every role they hold:
   * a branch secretary cannot reset a committee officer who also volunteers in the branch.
   */
  async function requireOutranks(actor: Actor, id: string) {
    await requireVisible(actor, id);
    const [target] = await repo.load(db, [id]);
    for (const g of target!.grants) {
      const org = g.orgId ? await orgsRepository.findById(db, g.orgId) : null;
      const allowed =
        g.role === 'platform_admin'
          ? isPlatformAdmin(actor)
          : Boolean(org) && can(actor, 'account.manage', org!.path) && rankAt(actor, org!.path) >= ROLE_RANK[g.role as Role];
      if (!allowed) throw new AppError('forbidden');
    }
  }

  async function present(ids: string[]) {
    return (await repo.load(db, ids)).map((a) => ({
      id: a.id,
      login: a.login,
      personId: a.personId,
      personName: a.personName,
      disabled: a.disabledAt !== null,
      lockedUntil: a.lockedUntil && a.lockedUntil > new Date() ? a.lockedUntil.toISOString() : null,
      mustChangePassword: a.mustChangePassword === 1,
      createdAt: a.createdAt.toISOString(),
      grants: a.grants.map((g) => ({ id: g.id, role: g.role as Role, orgId: g.orgId, orgName: g.orgName })),
    }));
  }

  async function get(actor: Actor, id: string) {
    await requireVisible(actor, id);
    return (await present([id]))[0]!;
  }

  async function list(actor: Actor, query: z.infer<typeof accountListQuerySchema>) {
    const f = filter(actor);
    const underPath = await narrowedPath(db, actor, 'account.manage', query.orgId);
    const { ids, total } = await repo.list(db, { ...f, underPath, q: query.q }, query.page, query.pageSize);
    return { items: await present(ids), total, page: query.page, pageSize: query.pageSize };
  }

  async function create(actor: Actor, input: z.infer<typeof createAccountSchema>) {
    const org = await requireGrantable(actor, input.grant);
    if (input.personId) {
      const person = await peopleRepository.findById(db, input.personId);
      requireAccess(actor, 'person.read', person?.orgPath);
      if (await repo.personHasAccount(db, input.personId)) throw invalidField('personId', 'custom', 'person_has_account');
    }
    if (await repo.loginTaken(db, input.login)) throw invalidField('login', 'custom', 'login_taken');
    const initialPassword = oneTimePassword();
    const id = uuidv7();
    const passwordHash = await hashPassword(initialPassword);
    await db.transaction(async (tx) => {
      await repo.insertAccount(tx, { id, login: input.login, passwordHash, personId: input.personId ?? null, mustChangePassword: 1 });
      await repo.insertGrant(tx, { id: uuidv7(), accountId: id, role: input.grant.role, orgId: input.grant.orgId });
      await recordAudit(tx, actor, {
        action: 'account.create',
        entity: 'account',
        entityId: id,
        org,
        details: { login: input.login, role: input.grant.role },
      });
    });
    return { account: await get(actor, id), initialPassword };
  }

  async function addGrant(actor: Actor, id: string, grant: GrantRequest) {
    await requireVisible(actor, id);
    const org = await requireGrantable(actor, grant);
    await db.transaction(async (tx) => {
      const added = await repo.insertGrant(tx, { id: uuidv7(), accountId: id, role: grant.role, orgId: grant.orgId });
      if (!added) throw invalidField('grant.role', 'custom', 'grant_exists');
      await recordAudit(tx, actor, { action: 'account.grant', entity: 'account', entityId: id, org, details: { role: grant.role } });
    });
    return get(actor, id);
  }

  async function removeGrant(actor: Actor, id: string, grantId: string) {
    await requireOutranks(actor, id);
    const grant = await repo.grant(db, grantId);
    if (!grant || grant.accountId !== id) throw new AppError('not_found');
    // Nobody removes their own grants: that is how an organisation ends up with no one in charge.
    if (id === actor.accountId) throw new AppError('forbidden');
    const org = await requireGrantable(actor, { role: grant.role as Role, orgId: grant.orgId });
    await db.transaction(async (tx) => {
      await repo.deleteGrant(tx, grantId);
      await recordAudit(tx, actor, { action: 'account.revoke', entity: 'account', entityId: id, org, details: { role: grant.role } });
    });
    return get(actor, id);
  }

  async function setDisabled(actor: Actor, id: string, disabled: boolean) {
    await requireOutranks(actor, id);
    if (id === actor.accountId) throw new AppError('forbidden');
    await db.transaction(async (tx) => {
      await repo.update(tx, id, { disabledAt: disabled ? new Date() : null });
      if (disabled) await repo.endSessions(tx, id);
      await recordAudit(tx, actor, { action: disabled ? 'account.disable' : 'account.enable', entity: 'account', entityId: id });
    });
    return get(actor, id);
  }

  async function resetPassword(actor: Actor, id: string) {
    await requireOutranks(actor, id);
    // One's own password is changed knowing the current one, not reset.
    if (id === actor.accountId) throw new AppError('forbidden');
    const initialPassword = oneTimePassword();
    const passwordHash = await hashPassword(initialPassword);
    await db.transaction(async (tx) => {
      await repo.update(tx, id, { passwordHash, mustChangePassword: 1, failedAttempts: 0, lockedUntil: null });
      await repo.endSessions(tx, id);
      await recordAudit(tx, actor, { action: 'account.reset_password', entity: 'account', entityId: id });
    });
    return { account: await get(actor, id), initialPassword };
  }

  return { list, get, create, addGrant, removeGrant, setDisabled, resetPassword };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
