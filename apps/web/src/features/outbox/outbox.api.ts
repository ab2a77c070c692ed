import type { OutboxMessage, OutboxStatus } from '@youshe/shared';
import { api, type Page } from '../../app/api';

export interface OutboxFilters {
  status?: OutboxStatus;
  kind?: string;
  refId?: string;
  page: number;
  pageSize: number;
}
export type OutboxPage = Page<OutboxMessage> & { demo: boolean };

export const outboxKeys = { list: (f: OutboxFilters) => ['outbox', f] as const };
export const outboxApi = {
  list: (f: OutboxFilters) => api.get<OutboxPage>('/api/outbox', { ...f }),
  retry: (id: string) => api.post<OutboxMessage>(`/api/outbox/${id}/retry`),
};
