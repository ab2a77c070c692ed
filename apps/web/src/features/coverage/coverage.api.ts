import type { appointmentSchema, coverageSchema, zoneSchema } from '@youshe/shared';
import type { z } from 'zod';
import { api } from '../../app/api';

export type Coverage = z.infer<typeof coverageSchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type Appointment = z.infer<typeof appointmentSchema>;

export const coverageKeys = {
  coverage: (orgId: string | null, uncoveredOnly: boolean) => ['coverage', orgId, uncoveredOnly] as const,
  zones: (orgId: string | null) => ['zones', orgId] as const,
  appointments: (orgId: string | null) => ['appointments', orgId] as const,
};

export const coverageApi = {
  coverage: (orgId: string | null, uncoveredOnly: boolean) =>
    api.get<Coverage>('/api/coverage', { orgId, uncoveredOnly: uncoveredOnly ? 'true' : undefined }),
  zones: (orgId: string | null) => api.get<{ items: Zone[] }>('/api/zones', { orgId }),
  appointments: (orgId: string | null) => api.get<{ items: Appointment[] }>('/api/appointments', { orgId, current: 'true' }),
};
