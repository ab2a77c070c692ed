import type { CareRecipient, Wristband, WristbandStatus, batchSchema, scanSchema } from '@youshe/shared';
import type { z } from 'zod';
import { api, type Page } from '../../app/api';

export type Batch = z.infer<typeof batchSchema>;
export type Scan = z.infer<typeof scanSchema>;
export type WristbandDetail = Wristband & { scanLog: Scan[] };
export type { Wristband, WristbandStatus };
export interface BandFilters {
  batchId?: string;
  status?: WristbandStatus;
  code?: string;
  page: number;
  pageSize: number;
}

export const wristbandKeys = {
  batches: ['wristband-batches'] as const,
  bands: (f: BandFilters) => ['wristbands', f] as const,
  band: (id: string) => ['wristbands', 'detail', id] as const,
};

export const wristbandsApi = {
  batches: () => api.get<{ items: Batch[] }>('/api/wristband-batches'),
  createBatch: (body: { orgId: string; label: string; size: number }) => api.post<Batch>('/api/wristband-batches', body),
  labels: (batchId: string) => api.download(`/api/wristband-batches/${batchId}/labels.pdf`, undefined, 'labels.pdf'),
  bands: (f: BandFilters) => api.get<Page<Wristband>>('/api/wristbands', { ...f }),
  band: (id: string) => api.get<WristbandDetail>(`/api/wristbands/${id}`),
  bind: (id: string, recipientId: string) => api.post<WristbandDetail>(`/api/wristbands/${id}/bind`, { recipientId }),
  setStatus: (id: string, status: 'lost' | 'retired') => api.post<WristbandDetail>(`/api/wristbands/${id}/status`, { status }),
  reveal: (scanId: string) => api.post<{ callbackPhone: string }>(`/api/wristband-scans/${scanId}/reveal`),
  recipients: () =>
    api.get<Page<Pick<CareRecipient, 'id' | 'name' | 'orgName' | 'addressMasked' | 'mainVolunteer'>>>('/api/care/recipients', {
      status: 'active',
      pageSize: 200,
    }),
};
