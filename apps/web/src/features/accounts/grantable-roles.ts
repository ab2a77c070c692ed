import { ROLE_RANK, ROLES, type Grant, type Role } from '@youshe/shared';

const highestRank = (grants: readonly Pick<Grant, 'role'>[]) => Math.max(0, ...grants.map((g) => ROLE_RANK[g.role]));

/**
 * The roles worth offering to someone holding these grants: nothing above their highest role, and
 * platform admin only to platform admins. The server still checks each grant against the unit it is on.
 */
export function grantableRoles(grants: readonly Pick<Grant, 'role'>[]): Role[] {
  const admin = grants.some((g) => g.role === 'platform_admin');
  const highest = highestRank(grants);
  return ROLES.filter((r) => (r === 'platform_admin' ? admin : admin || ROLE_RANK[r] <= highest));
}

/** Platform admin is the one role held on the whole platform rather than on a unit. */
export const isPlatformWide = (role: Role | undefined) => role === 'platform_admin';

/**
 * Whether an account holds a role above the actor's highest: its password and access are then not
 * the actor's to reset or switch off, wherever its grants lie.
 */
export function outranks(account: readonly Pick<Grant, 'role'>[], actor: readonly Pick<Grant, 'role'>[]): boolean {
  if (actor.some((g) => g.role === 'platform_admin')) return false;
  return highestRank(account) > highestRank(actor);
}
