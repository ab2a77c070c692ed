import type { Permission } from '@youshe/shared';
import type { Executor } from '../../db/client.js';
import { requireAccess, type Actor } from '../../platform/access.js';
import { orgsRepository } from './orgs.repository.js';

/**
 * Lists may be narrowed to one unit's subtree: the unit's path, once the actor is known to have the
 * permission there; undefined when no unit was asked for.
 */
export async function narrowedPath(
  db: Executor,
  actor: Actor,
  permission: Permission,
  orgId: string | undefined,
): Promise<string | undefined> {
  if (!orgId) return undefined;
  const path = (await orgsRepository.findById(db, orgId))?.path;
  requireAccess(actor, permission, path);
  return path;
}
