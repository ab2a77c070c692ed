import type { PressRelease } from '@youshe/shared';
import { api, type Page } from '../../app/api';

export const pressKeys = {
  all: ['press'] as const,
  list: (orgId: string | null | undefined) => ['press', 'list', orgId ?? null] as const,
};

export const pressApi = {
  list: (orgId: string | null | undefined) => api.get<Page<PressRelease>>('/api/press-releases', { orgId, pageSize: 100 }),
  draft: (activityId: string) => api.post<PressRelease>('/api/press-releases', { activityId }),
  update: (id: string, body: { version: number; title: string; lead: string; body: string }) =>
    api.put<PressRelease>(`/api/press-releases/${id}`, body),
  publish: (id: string, body: { version: number; outlet: string; publishedOn: string; link?: string }) =>
    api.post<PressRelease>(`/api/press-releases/${id}/publish`, body),
};
