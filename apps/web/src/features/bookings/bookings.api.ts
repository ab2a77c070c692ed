import type {
  AddSlots,
  Campaign,
  CounterBooking,
  UpdateCampaign,
  UpdateSlot,
  campaignSummarySchema,
  createCampaignSchema,
  bookingRowSchema,
  dueRemindersSchema,
} from '@youshe/shared';
import type { z } from 'zod';
import { api, type Page } from '../../app/api';

export type CampaignSummary = z.infer<typeof campaignSummarySchema>;
export type CreateCampaign = z.input<typeof createCampaignSchema>;
export type BookingRow = z.infer<typeof bookingRowSchema>;
export type DueReminders = z.infer<typeof dueRemindersSchema>;

export const campaignKeys = {
  list: (f: object) => ['booking-campaigns', 'list', f] as const,
  detail: (id: string) => ['booking-campaigns', 'detail', id] as const,
  bookings: (id: string, f: object) => ['booking-campaigns', 'bookings', id, f] as const,
  reminders: (id: string) => ['booking-campaigns', 'reminders', id] as const,
};

export const campaignsApi = {
  list: (f: { orgId?: string | null; page: number; pageSize: number }) => api.get<Page<CampaignSummary>>('/api/booking-campaigns', f),
  get: (id: string) => api.get<Campaign>(`/api/booking-campaigns/${id}`),
  create: (body: CreateCampaign) => api.post<Campaign>('/api/booking-campaigns', body),
  setStatus: (id: string, status: 'published' | 'closed') => api.post<Campaign>(`/api/booking-campaigns/${id}/status`, { status }),
  update: (id: string, body: UpdateCampaign) => api.patch<Campaign>(`/api/booking-campaigns/${id}`, body),
  addSlots: (id: string, body: AddSlots) => api.post<Campaign>(`/api/booking-campaigns/${id}/slots`, body),
  updateSlot: (id: string, slotId: string, body: UpdateSlot) => api.patch<Campaign>(`/api/booking-campaigns/${id}/slots/${slotId}`, body),
  bookings: (id: string, f: { from?: string | undefined; to?: string | undefined; page: number; pageSize: number }) =>
    api.get<Page<BookingRow>>(`/api/booking-campaigns/${id}/bookings`, f),
  reminders: (id: string) => api.get<DueReminders>(`/api/booking-campaigns/${id}/reminders`),
  sendReminders: (id: string) => api.post<DueReminders>(`/api/booking-campaigns/${id}/reminders`),
  exportXlsx: (id: string, title: string) => api.download(`/api/booking-campaigns/${id}/export.xlsx`, undefined, `${title}.xlsx`),
  lookup: (code: string) => api.post<CounterBooking>('/api/bookings/counter/lookup', { code }),
  fulfil: (code: string) => api.post<CounterBooking>('/api/bookings/counter/fulfil', { code }),
};

export const publicCampaignUrl = (token: string) => `${window.location.origin}/b/${token}`;

/** The luggage campaign's questions, offered as a start: the admission notice number tells people apart. */
export const LUGGAGE_FIELDS: CreateCampaign['fields'] = [
  { key: 'notice_no', label: '录取通知书编号', kind: 'text', required: true, pattern: '\\d{10,16}', hint: '10–16 位数字，见录取通知书' },
  { key: 'name', label: '姓名', kind: 'name', required: true },
  { key: 'phone', label: '手机号', kind: 'phone', required: true },
  { key: 'school', label: '录取学校', kind: 'text', required: true },
];
