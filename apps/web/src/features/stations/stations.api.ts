import type {
  CreateRecord,
  DayLog,
  PublicStation,
  ServiceKind,
  ServiceRecord,
  Station,
  StationFunction,
  UpdateStation,
  stationSummarySchema,
  createFunctionSchema,
  updateFunctionSchema,
} from '@youshe/shared';
import type { z } from 'zod';
import { api, type Page } from '../../app/api';

export type StationSummary = z.infer<typeof stationSummarySchema>;
export type CreateFunction = z.input<typeof createFunctionSchema>;
export type UpdateFunction = z.input<typeof updateFunctionSchema>;
export type CreatedRecord = ServiceRecord & { claimCode: string | null };
/** A station's records: by kind and by the days (China time) they were made. */
export type RecordFilters = {
  kind?: ServiceKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
};

const enc = encodeURIComponent;

export const stationKeys = {
  all: ['stations'] as const,
  list: (orgId: string | null, loggable?: boolean) => ['stations', 'list', orgId, loggable ?? false] as const,
  one: (id: string) => ['stations', 'one', id] as const,
  log: (id: string) => ['stations', 'log', id] as const,
  records: (id: string) => ['stations', 'records', id] as const,
  functions: ['station-functions'] as const,
  public: (id: string) => ['public', 'station', id] as const,
};

export const stationsApi = {
  list: (orgId: string | null, loggable?: boolean) =>
    api.get<{ items: StationSummary[] }>('/api/stations', { orgId, loggable: loggable ? 'true' : undefined }),
  get: (id: string) => api.get<Station>(`/api/stations/${enc(id)}`),
  update: (id: string, body: UpdateStation) => api.patch<Station>(`/api/stations/${enc(id)}`, body),
  functions: () => api.get<{ items: StationFunction[] }>('/api/station-functions'),
  createFunction: (body: CreateFunction) => api.post<StationFunction>('/api/station-functions', body),
  updateFunction: (id: string, body: UpdateFunction) => api.patch<StationFunction>(`/api/station-functions/${enc(id)}`, body),
  log: (id: string) => api.get<DayLog>(`/api/stations/${enc(id)}/log`),
  tap: (id: string, kind: ServiceKind, delta: 1 | -1, tapId: string) =>
    api.post<{ kind: ServiceKind; count: number; counted: boolean }>(`/api/stations/${enc(id)}/taps`, { kind, delta, tapId }),
  records: (id: string, f: RecordFilters) => api.get<Page<ServiceRecord>>(`/api/stations/${enc(id)}/records`, f),
  openRecords: (id: string) => api.get<Page<ServiceRecord>>(`/api/stations/${enc(id)}/records`, { open: 'true', pageSize: 100 }),
  createRecord: (id: string, body: CreateRecord) => api.post<CreatedRecord>(`/api/stations/${enc(id)}/records`, body),
  close: (recordId: string, outcome: 'returned' | 'lost' | 'done') =>
    api.post<ServiceRecord>(`/api/service-records/${enc(recordId)}/close`, { outcome }),
  claim: (id: string, code: string) => api.post<ServiceRecord>(`/api/stations/${enc(id)}/claims`, { code }),
  publicStation: (id: string) => api.get<PublicStation>(`/api/public/stations/${enc(id)}`),
};

/** An id made on the phone, so that a retried tap or form counts once (UUIDv7: time first). */
export function clientId(): string {
  const ms = Date.now();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
