import type {
  CareAlert,
  CarePlanInput,
  CareRecipient,
  CareVisit,
  ConsentAmendment,
  ConsentRecord,
  NeighbourInput,
  NeighbourUpdate,
  recipientSecretsSchema,
} from '@youshe/shared';
import type { z } from 'zod';
import { api, type Page } from '../../app/api';

export type RecipientSecrets = z.infer<typeof recipientSecretsSchema>;
export interface AlertFilters {
  status?: CareAlert['status'] | undefined;
  /** Days (China time) on which the alert was raised. */
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export const careKeys = {
  all: ['care'] as const,
  alerts: (f: AlertFilters) => ['care', 'alerts', f] as const,
  recipients: (f: { orgId?: string | null; page: number; pageSize: number }) => ['care', 'recipients', f] as const,
  recipient: (id: string) => ['care', 'recipient', id] as const,
  visits: (id: string, f: { page: number; pageSize: number }) => ['care', 'recipient', id, 'visits', f] as const,
  consents: (id: string) => ['care', 'recipient', id, 'consents'] as const,
};

export interface Pairing {
  mainVolunteerId: string | null;
  backupVolunteerId: string | null;
}

export const careApi = {
  alerts: (f: AlertFilters) => api.get<Page<CareAlert>>('/api/care/alerts', { ...f }),
  acknowledge: (id: string) => api.post<CareAlert>(`/api/care/alerts/${id}/acknowledge`),
  resolve: (id: string, outcome: string) => api.post<CareAlert>(`/api/care/alerts/${id}/resolve`, { outcome }),
  scan: () => api.post<{ missed: number; escalated: number }>('/api/care/scan'),
  recipients: (f: { orgId?: string | null; page: number; pageSize: number }) =>
    api.get<Page<CareRecipient>>('/api/care/recipients', { ...f }),
  reveal: (id: string) => api.post<RecipientSecrets>(`/api/care/recipients/${id}/reveal`),
  exportData: (id: string) => api.download(`/api/care/recipients/${id}/export`, undefined, `care-recipient-${id}.json`),
  withdraw: (id: string) => api.post<CareRecipient>(`/api/care/recipients/${id}/withdraw-consent`),
  remove: (id: string) => api.delete<{ ok: true }>(`/api/care/recipients/${id}`),
  recipient: (id: string) => api.get<CareRecipient>(`/api/care/recipients/${id}`),
  setPlan: (id: string, plan: CarePlanInput) => api.put<CareRecipient>(`/api/care/recipients/${id}/plan`, plan),
  setPairing: (id: string, pairing: Pairing) => api.put<CareRecipient>(`/api/care/recipients/${id}/pairing`, pairing),
  addNeighbour: (id: string, n: NeighbourInput) => api.post<CareRecipient>(`/api/care/recipients/${id}/neighbours`, n),
  updateNeighbour: (id: string, contactId: string, n: NeighbourUpdate) =>
    api.put<CareRecipient>(`/api/care/recipients/${id}/neighbours/${contactId}`, n),
  removeNeighbour: (id: string, contactId: string) => api.delete<CareRecipient>(`/api/care/recipients/${id}/neighbours/${contactId}`),
  amendConsent: (id: string, consent: ConsentAmendment) => api.put<CareRecipient>(`/api/care/recipients/${id}/consent`, consent),
  consents: (id: string) => api.get<{ items: ConsentRecord[] }>(`/api/care/recipients/${id}/consents`),
  visits: (id: string, f: { page: number; pageSize: number }) => api.get<Page<CareVisit>>(`/api/care/recipients/${id}/visits`, { ...f }),
  visitNote: (visitId: string) => api.post<{ note: string | null }>(`/api/care/visits/${visitId}/note`),
  /** The photo is fetched by the <img> itself (same-origin session); the server audits that look. */
  visitPhotoUrl: (visitId: string) => `/api/care/visits/${visitId}/photo`,
};
