import { useCallback, useMemo, useState } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Org } from '@youshe/shared';
import { orgKeys, orgsApi } from './orgs.api';

export interface OrgLevel {
  items: Org[];
  total: number;
}

/**
 * The part of the organisation tree the user has opened, loaded one level at a time. The first level
 * is the chosen unit (scopeOrgId) or, for the whole platform, the top of what the caller may see.
 * Every level is a query, so invalidating ['orgs'] after a change refreshes exactly what is on screen.
 */
export function useOrgForest(scopeOrgId: string | null, includeArchived: boolean) {
  const client = useQueryClient();
  const [opened, setOpened] = useState<string[]>([]);

  const roots = useQuery({
    queryKey: scopeOrgId ? orgKeys.scopeRoot(scopeOrgId) : orgKeys.children(null, includeArchived),
    queryFn: async (): Promise<OrgLevel> => {
      if (scopeOrgId) return { items: [await orgsApi.get(scopeOrgId)], total: 1 };
      return orgsApi.children(null, includeArchived);
    },
  });

  const childQuery = useCallback(
    (parentId: string) => ({
      queryKey: orgKeys.children(parentId, includeArchived),
      queryFn: () => orgsApi.children(parentId, includeArchived),
    }),
    [includeArchived],
  );
  const levels = useQueries({ queries: opened.map(childQuery) });

  const childrenOf = useMemo(() => {
    const map = new Map<string, OrgLevel>();
    opened.forEach((id, i) => {
      const data = levels[i]?.data;
      if (data) map.set(id, data);
    });
    return map;
  }, [opened, levels]);

  /** Loads the children of a unit and keeps them on screen from then on. */
  const open = useCallback(
    async (parentId: string) => {
      await client.fetchQuery(childQuery(parentId));
      setOpened((list) => (list.includes(parentId) ? list : [...list, parentId]));
    },
    [client, childQuery],
  );

  return { roots, childrenOf, open };
}
