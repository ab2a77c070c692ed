import type { MeResponse, Role } from '@youshe/shared';

/**
 * Where each role starts its day after signing in: the page of its daily work rather than the
 * organisation tree, which people open when the structure changes. An account with several roles
 * starts where its widest one does.
 */
const HOME_OF_ROLE: readonly (readonly [Role, string])[] = [
  ['platform_admin', '/dashboard'],
  ['committee_officer', '/dashboard'],
  ['branch_secretary', '/activities'],
  ['station_head', '/activities'],
  ['community_partner', '/lists'],
  // Carriers on their rounds: the elders they visit, on the phone.
  ['volunteer', '/care/route'],
];

export function homeOf(me: MeResponse): string {
  for (const [role, home] of HOME_OF_ROLE) if (me.grants.some((g) => g.role === role)) return home;
  return '/orgs';
}
