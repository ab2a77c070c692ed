import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { MeResponse, Role } from '@youshe/shared';

/** One entry of the organisation switcher: a unit the actor holds grants on (null = the whole platform). */
export interface ScopeOption {
  orgId: string | null;
  orgName: string | null;
  roles: Role[];
}

interface OrgScope {
  options: ScopeOption[];
  /** The chosen unit; null means everything the actor may see. */
  orgId: string | null;
  current: ScopeOption | undefined;
  setOrgId: (orgId: string | null) => void;
}

const STORAGE_KEY = 'youshe.org';
const ALL = '*';
const OrgScopeContext = createContext<OrgScope | null>(null);

export function scopeOptions(me: MeResponse): ScopeOption[] {
  const byOrg = new Map<string, ScopeOption>();
  for (const g of me.grants) {
    const orgId = g.role === 'platform_admin' ? null : g.orgId;
    const key = orgId ?? ALL;
    const existing = byOrg.get(key);
    if (existing) {
      if (!existing.roles.includes(g.role)) existing.roles.push(g.role);
    } else {
      byOrg.set(key, { orgId, orgName: orgId ? g.orgName : null, roles: [g.role] });
    }
  }
  // The whole platform first, then units in the order the server listed them.
  return [...byOrg.values()].sort((a, b) => (a.orgId === null ? -1 : b.orgId === null ? 1 : 0));
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function OrgScopeProvider({ me, children }: { me: MeResponse; children: ReactNode }) {
  const options = useMemo(() => scopeOptions(me), [me]);
  const [chosen, setChosen] = useState<string | null>(readStored);
  const current = options.find((o) => (o.orgId ?? ALL) === chosen) ?? options[0];
  const value = useMemo<OrgScope>(
    () => ({
      options,
      orgId: current?.orgId ?? null,
      current,
      setOrgId: (orgId) => {
        const key = orgId ?? ALL;
        setChosen(key);
        try {
          localStorage.setItem(STORAGE_KEY, key);
        } catch {
          // Not remembered across visits; still applies now.
        }
      },
    }),
    [options, current],
  );
  return <OrgScopeContext.Provider value={value}>{children}</OrgScopeContext.Provider>;
}

export function useOrgScope(): OrgScope {
  const scope = useContext(OrgScopeContext);
  if (!scope) throw new Error('useOrgScope outside OrgScopeProvider');
  return scope;
}

export const ALL_ORGS_VALUE = ALL;
