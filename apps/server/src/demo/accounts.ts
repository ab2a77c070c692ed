import type { Role } from '@youshe/shared';

export const DEMO_ACCOUNTS: { login: string; role: Role; org: string }[] = [];
