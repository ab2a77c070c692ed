import type { familyPageSchema, RouteStop } from '@youshe/shared';
import type { z } from 'zod';
import { api } from '../../app/api';

export type FamilyPage = z.infer<typeof familyPageSchema>;

export const carePhoneKeys = { route: ['care', 'route'] as const, family: (token: string) => ['care', 'family', token] as const };

export const carePhoneApi = {
  route: () => api.get<{ items: RouteStop[] }>('/api/care/route'),
  reorder: (recipientIds: string[]) => api.put<{ items: RouteStop[] }>('/api/care/route/order', { recipientIds }),
  family: (token: string) => api.get<FamilyPage>(`/api/public/care/family/${encodeURIComponent(token)}`),
};
