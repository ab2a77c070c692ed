import type { appointmentSchema, coverageSchema, createAppointmentSchema, createZoneSchema, zoneSchema } from '@youshe/shared';
import type { z } from 'zod';
import { api } from '../../app/api';

export type Coverage = z.infer<typeof coverageSchema>;
export type CoverageItem = Coverage['items'][number];
export type Zone = z.infer<typeof zoneSchema>;
export type Appointment = z.infer<typeof appointmentSchema>;
export type CreateZone = z.input<typeof createZoneSchema>;
export type CreateAppointment = z.input<typeof createAppointmentSchema>;

export interface AppointmentFilters {
  orgId?: string | null;
  personId?: string;
  current?: boolean;
}

export const coverageKeys = {
  coverage: (orgId: string | null, uncoveredOnly: boolean) => ['coverage', orgId, uncoveredOnly] as const,
  zones: (orgId: string | null, current: boolean) => ['zones', orgId, current] as const,
  appointments: (f: AppointmentFilters) => ['appointments', f] as const,
};
/** A zone or appointment made or ended changes the coverage figures, the zones and the appointments. */
export const COVERAGE_KEYS = [['coverage'], ['zones'], ['appointments']] as const;

export const coverageApi = {
  coverage: (orgId: string | null, uncoveredOnly: boolean) =>
    api.get<Coverage>('/api/coverage', { orgId, uncoveredOnly: uncoveredOnly ? 'true' : undefined }),
  zones: (orgId: string | null, current: boolean) =>
    api.get<{ items: Zone[] }>('/api/zones', { orgId, current: current ? 'true' : undefined }),
  createZone: (body: CreateZone) => api.post<Zone>('/api/zones', body),
  endZone: (id: string, endsOn: string) => api.post<Zone>(`/api/zones/${id}/end`, { endsOn }),
  appointments: (f: AppointmentFilters) =>
    api.get<{ items: Appointment[] }>('/api/appointments', {
      orgId: f.orgId,
      personId: f.personId,
      current: f.current ? 'true' : undefined,
    }),
  createAppointment: (body: CreateAppointment) => api.post<Appointment>('/api/appointments', body),
  endAppointment: (id: string, endsOn: string) => api.post<Appointment>(`/api/appointments/${id}/end`, { endsOn }),
};
