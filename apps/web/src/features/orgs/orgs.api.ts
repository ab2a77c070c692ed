import type { CreateOrg, Org, OrgDetail, OrgKind, Place, orgDirectorySchema, updateOrgSchema } from '@youshe/shared';
import type { z } from 'zod';
import { api, type Page } from '../../app/api';

/** The largest page the server hands out; one level of the tree rarely holds more. */
export const TREE_PAGE_SIZE = 200;

export type UpdateOrg = z.infer<typeof updateOrgSchema>;
export type DirectoryEntry = z.infer<typeof orgDirectorySchema>['items'][number];

export const orgKeys = {
  all: ['orgs'] as const,
  detail: (id: string) => ['orgs', 'detail', id] as const,
  children: (parentId: string | null, includeArchived: boolean) => ['orgs', 'children', parentId, includeArchived] as const,
  places: (orgId: string) => ['places', 'of-org', orgId] as const,
  scopeRoot: (orgId: string) => ['orgs', 'scope-root', orgId] as const,
  search: (q: string, includeArchived: boolean) => ['orgs', 'search', q, includeArchived] as const,
  directory: (q: string, kind?: OrgKind) => ['orgs', 'directory', q, kind ?? null] as const,
};

export const orgsApi = {
  /** Children of a unit, or (parentId null) the top of what the caller may see. */
  children: (parentId: string | null, includeArchived: boolean, page = 1) =>
    api.get<Page<Org>>('/api/orgs', { parentId, includeArchived: includeArchived ? 'true' : undefined, page, pageSize: TREE_PAGE_SIZE }),
  search: (q: string, includeArchived: boolean) =>
    api.get<Page<Org>>('/api/orgs', { q, includeArchived: includeArchived ? 'true' : undefined, pageSize: 50 }),
  /** Any current unit by name (names only), for co-organisers and agreement members. */
  directory: (q: string, kind?: OrgKind) => api.get<{ items: DirectoryEntry[] }>('/api/orgs/directory', { q, kind }),
  get: (id: string) => api.get<OrgDetail>(`/api/orgs/${id}`),
  create: (body: CreateOrg) => api.post<OrgDetail>('/api/orgs', body),
  update: (id: string, body: UpdateOrg) => api.patch<OrgDetail>(`/api/orgs/${id}`, body),
  move: (id: string, parentId: string) => api.post<OrgDetail>(`/api/orgs/${id}/move`, { parentId }),
  archive: (id: string) => api.post<OrgDetail>(`/api/orgs/${id}/archive`),
  restore: (id: string) => api.post<OrgDetail>(`/api/orgs/${id}/restore`),
  remove: (id: string) => api.delete<{ ok: true }>(`/api/orgs/${id}`),
  places: (orgId: string) => api.get<Page<Place>>('/api/places', { orgId, pageSize: 100 }),
};
