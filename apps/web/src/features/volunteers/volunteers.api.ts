import type {
  HoursEntry,
  Team,
  TeamKind,
  VolunteerRecord,
  addMemberSchema,
  createTeamSchema,
  growthPointSchema,
  memberSchema,
  HOURS_STATUSES,
} from '@youshe/shared';
import type { z } from 'zod';
import { api, type Page } from '../../app/api';

export type GrowthPoint = z.infer<typeof growthPointSchema>;
export type Member = z.infer<typeof memberSchema>;
export type TeamDetail = Team & { roster: Member[]; growth: GrowthPoint[] };
export type CreateTeam = z.input<typeof createTeamSchema>;
export type AddMember = z.input<typeof addMemberSchema>;
export type HoursStatus = (typeof HOURS_STATUSES)[number];
export type { HoursEntry, Team, TeamKind, VolunteerRecord };

export const volunteerKeys = {
  teams: (orgId: string | null) => ['volunteer-teams', orgId] as const,
  team: (id: string) => ['volunteer-teams', 'detail', id] as const,
  growth: (orgId: string) => ['volunteer-teams', 'growth', orgId] as const,
  hours: (f: object) => ['volunteer-hours', f] as const,
  record: (personId: string) => ['volunteer-record', personId] as const,
};

export const volunteersApi = {
  teams: (orgId: string | null) => api.get<{ items: Team[] }>('/api/volunteer-teams', { orgId }),
  team: (id: string) => api.get<TeamDetail>(`/api/volunteer-teams/${id}`),
  growth: (orgId: string) => api.get<{ points: GrowthPoint[] }>('/api/volunteer-teams/growth', { orgId }),
  createTeam: (body: CreateTeam) => api.post<TeamDetail>('/api/volunteer-teams', body),
  addMember: (id: string, body: AddMember) => api.post<TeamDetail>(`/api/volunteer-teams/${id}/members`, body),
  leave: (id: string, personId: string, leftOn: string) =>
    api.post<TeamDetail>(`/api/volunteer-teams/${id}/members/${personId}/leave`, { leftOn }),
  hours: (f: {
    status?: HoursStatus | undefined;
    personId?: string;
    from?: string | undefined;
    to?: string | undefined;
    page: number;
    pageSize: number;
  }) => api.get<Page<HoursEntry>>('/api/volunteer-hours', { ...f }),
  decide: (id: string, decision: 'approved' | 'rejected') => api.post<HoursEntry>(`/api/volunteer-hours/${id}/decision`, { decision }),
  record: (personId: string) => api.get<VolunteerRecord>(`/api/volunteers/${personId}`),
  certificate: (personId: string) => api.download(`/api/volunteers/${personId}/certificate.pdf`, undefined, 'certificate.pdf'),
};
