import type { Account, Role } from '@youshe/shared';
import { api, type Page } from '../../app/api';

export interface AccountFilters {
  q?: string;
  orgId?: string | null;
  page: number;
  pageSize: number;
}

export interface GrantRequest {
  role: Role;
  orgId: string | null;
}

export interface CreateAccount {
  login: string;
  personId?: string | null;
  grant: GrantRequest;
}

/** A new or reset account with the one-time password, which the server hands out only this once. */
export interface AccountWithPassword {
  account: Account;
  initialPassword: string;
}

export const accountKeys = {
  all: ['accounts'] as const,
  list: (f: AccountFilters) => ['accounts', 'list', f] as const,
};

export const accountsApi = {
  list: (f: AccountFilters) => api.get<Page<Account>>('/api/accounts', { ...f }),
  create: (body: CreateAccount) => api.post<AccountWithPassword>('/api/accounts', body),
  grant: (id: string, body: GrantRequest) => api.post<Account>(`/api/accounts/${id}/grants`, body),
  revoke: (id: string, grantId: string) => api.delete<Account>(`/api/accounts/${id}/grants/${grantId}`),
  disable: (id: string) => api.post<Account>(`/api/accounts/${id}/disable`),
  enable: (id: string) => api.post<Account>(`/api/accounts/${id}/enable`),
  resetPassword: (id: string) => api.post<AccountWithPassword>(`/api/accounts/${id}/reset-password`),
};
