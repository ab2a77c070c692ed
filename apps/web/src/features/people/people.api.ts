import type { Person, PersonKind, RevealableField, createPersonSchema, updatePersonSchema } from '@youshe/shared';
import type { z } from 'zod';
import { api, type Page } from '../../app/api';

export interface PeopleFilters {
  orgId?: string | null;
  q?: string;
  phone?: string;
  kind?: PersonKind;
  includeArchived?: boolean;
  page: number;
  pageSize: number;
}

export type CreatePerson = z.input<typeof createPersonSchema>;
export type UpdatePerson = z.input<typeof updatePersonSchema>;

export const peopleKeys = {
  all: ['people'] as const,
  list: (f: PeopleFilters) => ['people', 'list', f] as const,
};

export const peopleApi = {
  list: (f: PeopleFilters) => api.get<Page<Person>>('/api/people', { ...f, includeArchived: f.includeArchived ? 'true' : undefined }),
  create: (body: CreatePerson) => api.post<Person>('/api/people', body),
  update: (id: string, body: UpdatePerson) => api.patch<Person>(`/api/people/${id}`, body),
  archive: (id: string) => api.post<Person>(`/api/people/${id}/archive`),
  restore: (id: string) => api.post<Person>(`/api/people/${id}/restore`),
  /** Shows one personal field in full; the server records who looked. */
  reveal: (id: string, field: RevealableField) =>
    api.post<{ field: RevealableField; value: string | null }>(`/api/people/${id}/reveal`, { field }),
};
