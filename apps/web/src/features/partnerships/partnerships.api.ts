import type {
  MeetingTaskRow,
  Partnership,
  createMeetingSchema,
  createPartnershipSchema,
  meetingSchema,
  goalRequestSchema,
  renewPartnershipSchema,
  updatePartnershipSchema,
} from '@youshe/shared';
import type { z } from 'zod';
import { api, type Page } from '../../app/api';

export interface PartnershipFilters {
  orgId?: string | null;
  q?: string;
  endingWithinDays?: number;
  page: number;
  pageSize: number;
}

export type CreatePartnership = z.input<typeof createPartnershipSchema>;
export type UpdatePartnership = z.input<typeof updatePartnershipSchema>;
export type GoalRequest = z.input<typeof goalRequestSchema>;
export type RenewPartnership = z.input<typeof renewPartnershipSchema>;
export type Goal = Partnership['goals'][number];
export type Meeting = z.infer<typeof meetingSchema>;
export type CreateMeeting = z.input<typeof createMeetingSchema>;
export type TaskView = 'open' | 'overdue' | 'done' | 'all';
export interface TaskFilters {
  orgId?: string | null;
  view: TaskView;
  page: number;
  pageSize: number;
}
export type TaskPage = Page<MeetingTaskRow> & { counts: { open: number; overdue: number; done: number } };

/** The console reminds of agreements whose period ends within this many days. */
export const ENDING_SOON_DAYS = 30;

export const partnershipKeys = {
  all: ['partnerships'] as const,
  list: (f: PartnershipFilters) => ['partnerships', 'list', f] as const,
  endingSoon: (orgId: string | null) => ['partnerships', 'ending-soon', orgId] as const,
  /** Every agreement in scope, for pickers (the activity form). */
  options: (orgId: string | null) => ['partnerships', 'options', orgId] as const,
  detail: (id: string) => ['partnerships', 'detail', id] as const,
  meetings: (id: string) => ['partnerships', 'meetings', id] as const,
  tasks: (f: TaskFilters) => ['partnerships', 'tasks', f] as const,
};

export const partnershipsApi = {
  list: (f: PartnershipFilters) => api.get<Page<Partnership>>('/api/partnerships', { ...f }),
  get: (id: string) => api.get<Partnership>(`/api/partnerships/${id}`),
  attachAgreement: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<Partnership>(`/api/partnerships/${id}/agreement`, form, 'PUT');
  },
  downloadAgreement: (id: string, name: string) => api.download(`/api/partnerships/${id}/agreement`, undefined, name),
  removeAgreement: (id: string) => api.delete<Partnership>(`/api/partnerships/${id}/agreement`),
  create: (body: CreatePartnership) => api.post<Partnership>('/api/partnerships', body),
  update: (id: string, body: UpdatePartnership) => api.patch<Partnership>(`/api/partnerships/${id}`, body),
  renew: (id: string, body: RenewPartnership) => api.post<Partnership>(`/api/partnerships/${id}/renew`, body),
  addGoal: (id: string, goal: GoalRequest) => api.post<Partnership>(`/api/partnerships/${id}/goals`, goal),
  updateGoal: (id: string, goalId: string, goal: GoalRequest) => api.put<Partnership>(`/api/partnerships/${id}/goals/${goalId}`, goal),
  removeGoal: (id: string, goalId: string) => api.delete<Partnership>(`/api/partnerships/${id}/goals/${goalId}`),
  meetings: (id: string) => api.get<{ items: Meeting[] }>(`/api/partnerships/${id}/meetings`),
  addMeeting: (id: string, body: CreateMeeting) => api.post<Meeting>(`/api/partnerships/${id}/meetings`, body),
  setTaskDone: (id: string, taskId: string, done: boolean) => api.post<Meeting>(`/api/partnerships/${id}/tasks/${taskId}`, { done }),
  /** Meeting tasks across every agreement in reach; the view is a status or 'overdue'. */
  tasks: ({ view, ...f }: TaskFilters) =>
    api.get<TaskPage>('/api/meeting-tasks', {
      ...f,
      status: view === 'open' || view === 'done' ? view : undefined,
      overdue: view === 'overdue' ? 'true' : undefined,
    }),
  markTask: (taskId: string, done: boolean) => api.post<MeetingTaskRow>(`/api/meeting-tasks/${taskId}`, { done }),
};

/** Whether an agreement still running ends soon enough to remind of it. */
export const endsSoon = (p: Pick<Partnership, 'daysLeft'>) => p.daysLeft >= 0 && p.daysLeft <= ENDING_SOON_DAYS;

/** A goal's progress as a whole percentage for a progress bar (capped at 100; more than the target is still shown in the figures). */
export const goalPercent = (g: Pick<Goal, 'progress' | 'target'>) =>
  g.target > 0 ? Math.min(100, Math.floor((g.progress / g.target) * 100)) : 0;
