import type { Place, PlaceKind, createPlaceSchema, updatePlaceSchema } from '@youshe/shared';
import type { z } from 'zod';
import { api, type Page } from '../../app/api';

export interface PlaceFilters {
  orgId?: string | null;
  kind?: PlaceKind;
  q?: string;
  hasPartyMember?: 'true' | 'false';
  includeArchived?: boolean;
  page: number;
  pageSize: number;
}

export type CreatePlace = z.input<typeof createPlaceSchema>;
export type UpdatePlace = z.input<typeof updatePlaceSchema>;

export const placeKeys = {
  all: ['places'] as const,
  list: (f: PlaceFilters) => ['places', 'list', f] as const,
};

export const placesApi = {
  list: (f: PlaceFilters) => api.get<Page<Place>>('/api/places', { ...f, includeArchived: f.includeArchived ? 'true' : undefined }),
  create: (body: CreatePlace) => api.post<Place>('/api/places', body),
  update: (id: string, body: UpdatePlace) => api.patch<Place>(`/api/places/${id}`, body),
  archive: (id: string) => api.post<Place>(`/api/places/${id}/archive`),
  restore: (id: string) => api.post<Place>(`/api/places/${id}/restore`),
};
