import type {
  Need,
  NEED_KINDS,
  NEED_STATUSES,
  PROJECT_STATUSES,
  Project,
  completeProjectSchema,
  createNeedSchema,
  createProjectSchema,
  createResourceSchema,
  partnerCommunitySchema,
  resourceSchema,
} from '@youshe/shared';
import type { z } from 'zod';
import { api, type Page } from '../../app/api';

export type NeedKind = (typeof NEED_KINDS)[number];
export type NeedStatus = (typeof NEED_STATUSES)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type Resource = z.infer<typeof resourceSchema>;
export type CreateNeed = z.input<typeof createNeedSchema>;
export type CreateResource = z.input<typeof createResourceSchema>;
export type CreateProject = z.input<typeof createProjectSchema>;
export type CompleteProject = z.input<typeof completeProjectSchema>;
export type PartnerCommunity = z.infer<typeof partnerCommunitySchema>;

export interface NeedFilters {
  orgId?: string | null;
  kind?: NeedKind;
  status?: NeedStatus;
  /** Only the needs of paired communities (结对社区). */
  partners?: 'true';
  page: number;
  pageSize: number;
}
export interface ResourceFilters {
  orgId?: string | null;
  available?: 'true' | 'false';
  page: number;
  pageSize: number;
}
export interface ProjectFilters {
  orgId?: string | null;
  status?: ProjectStatus;
  mine?: 'true';
  page: number;
  pageSize: number;
}

export const listKeys = {
  needs: (f: NeedFilters) => ['needs', f] as const,
  partnerCommunities: ['needs', 'partner-communities'] as const,
  resources: (f: ResourceFilters) => ['resources', f] as const,
  projects: (f: ProjectFilters) => ['projects', f] as const,
};
/** Claiming or completing touches all three lists. */
export const ALL_LIST_KEYS = [['needs'], ['resources'], ['projects']] as const;

export const listsApi = {
  needs: (f: NeedFilters) => api.get<Page<Need>>('/api/needs', { ...f }),
  partnerCommunities: () => api.get<{ items: PartnerCommunity[] }>('/api/needs/partner-communities'),
  createNeed: (body: CreateNeed) => api.post<Need>('/api/needs', body),
  claimNeed: (id: string) => api.post<Project>(`/api/needs/${id}/claim`),
  resources: (f: ResourceFilters) => api.get<Page<Resource>>('/api/resources', { ...f }),
  createResource: (body: CreateResource) => api.post<Resource>('/api/resources', body),
  setResourceAvailable: (id: string, available: boolean) => api.patch<Resource>(`/api/resources/${id}`, { available }),
  projects: (f: ProjectFilters) => api.get<Page<Project>>('/api/projects', { ...f }),
  createProject: (body: CreateProject) => api.post<Project>('/api/projects', body),
  claimProject: (id: string) => api.post<Project>(`/api/projects/${id}/claim`),
  completeProject: (id: string, body: CompleteProject) => api.post<Project>(`/api/projects/${id}/complete`, body),
  attachProofPhoto: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<Project>(`/api/projects/${id}/proof-photo`, form, 'PUT');
  },
};

export const proofPhotoUrl = (projectId: string, size: 'thumb' | 'full') => `/api/projects/${projectId}/proof-photo?size=${size}`;
