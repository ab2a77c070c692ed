import { createContext, useContext } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { roleAllows, type MeResponse, type Permission, type Role } from '@youshe/shared';
import { api, ApiError } from './api';

export const ME_KEY = ['me'] as const;

/** The signed-in account, or null when nobody is signed in (a 401 is an answer here, not an error). */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    return await api.get<MeResponse>('/api/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/**
 * The signed-in account, provided by the shell. A context rather than the query itself: when the
 * session ends, the shell swaps its content for the sign-in redirect without rendering the pages
 * once more with no account.
 */
export const SignedInContext = createContext<MeResponse | null>(null);

/** The signed-in account; only for components rendered inside the signed-in shell. */
export function useSignedIn(): MeResponse {
  const me = useContext(SignedInContext);
  if (!me) throw new Error('useSignedIn outside the signed-in shell');
  return me;
}

export function useSetSession() {
  const client = useQueryClient();
  return (me: MeResponse | null) => {
    client.setQueryData(ME_KEY, me);
    // Forget everything the previous account loaded, once the pages that show it have gone.
    if (!me) setTimeout(() => client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] }), 0);
  };
}

const AUDIT_ROLES: readonly Role[] = ['platform_admin', 'committee_officer'];

export function hasRole(me: MeResponse, roles: readonly Role[]): boolean {
  return me.grants.some((g) => roles.includes(g.role));
}

export const canReadAudit = (me: MeResponse) => hasRole(me, AUDIT_ROLES);

export const canManageAccounts = (me: MeResponse) => hasPermission(me, 'account.manage');

/**
 * Whether any grant carries the permission. Buttons use this to hide what the actor can never do;
 * the server still decides for each unit.
 */
export function hasPermission(me: MeResponse, permission: Permission): boolean {
  return me.grants.some((g) => roleAllows(g.role, permission));
}

/** Whether the permission reaches a unit, given the unit and its ancestors' ids. */
export function hasPermissionOn(me: MeResponse, permission: Permission, orgIds: readonly string[]): boolean {
  return me.grants.some(
    (g) => roleAllows(g.role, permission) && (g.role === 'platform_admin' || g.orgId === null || orgIds.includes(g.orgId)),
  );
}
