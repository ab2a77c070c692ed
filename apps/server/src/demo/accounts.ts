import type { Role } from '@youshe/shared';
import { demoOrgTree, flatten } from './data/tree.js';

/** The demo sign-ins: one per role and city worth showing. All share DEMO_PASSWORD. */
export interface DemoAccountSpec {
  login: string;
  role: Role;
  /** Key of the org the role is granted on; null for the platform admin. */
  org: string | null;
  /** Which person of which org the account belongs to. */
  person?: { org: string; as: 'leader' | 'stationHead' | 'volunteer' };
}

export const DEMO_ACCOUNT_SPECS: DemoAccountSpec[] = [
  { login: 'admin', role: 'platform_admin', org: null },
  { login: 'cz-officer', role: 'committee_officer', org: 'cz', person: { org: 'cz-office', as: 'leader' } },
  { login: 'cz-secretary', role: 'branch_secretary', org: 'cz-beigang', person: { org: 'cz-beigang', as: 'leader' } },
  { login: 'cz-station', role: 'station_head', org: 'cz-benniu', person: { org: 'cz-benniu', as: 'stationHead' } },
  { login: 'cz-volunteer', role: 'volunteer', org: 'cz-beigang', person: { org: 'cz-beigang', as: 'volunteer' } },
  { login: 'cz-community', role: 'community_partner', org: 'czc-benniu', person: { org: 'czc-benniu', as: 'leader' } },
  { login: 'wx-secretary', role: 'branch_secretary', org: 'wx-xishan', person: { org: 'wx-xishan', as: 'leader' } },
  { login: 'wx-community', role: 'community_partner', org: 'wxs-dongting', person: { org: 'wxc-dongting', as: 'leader' } },
  { login: 'cf-officer', role: 'committee_officer', org: 'cf', person: { org: 'cf-office', as: 'leader' } },
  { login: 'cf-community', role: 'community_partner', org: 'cfc-yinma', person: { org: 'cfc-yinma', as: 'leader' } },
  { login: 'hy-officer', role: 'committee_officer', org: 'hy', person: { org: 'hy-office', as: 'leader' } },
  { login: 'hy-volunteer', role: 'volunteer', org: 'hy-hengnan-delivery', person: { org: 'hy-hengnan-delivery', as: 'volunteer' } },
  { login: 'gy-secretary', role: 'branch_secretary', org: 'gy-yuanzhou', person: { org: 'gy-yuanzhou', as: 'leader' } },
];

const names = new Map(flatten(demoOrgTree()).map(({ spec }) => [spec.key, spec.name]));

/** As printed at start and listed in the README: login, role, and the org the role is granted on. */
export const DEMO_ACCOUNTS: { login: string; role: Role; org: string }[] = DEMO_ACCOUNT_SPECS.map((a) => ({
  login: a.login,
  role: a.role,
  org: a.org ? names.get(a.org)! : '全平台 (all)',
}));
