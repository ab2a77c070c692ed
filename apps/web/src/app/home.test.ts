import { describe, expect, it } from 'vitest';
import type { MeResponse, Role } from '@youshe/shared';
import { homeOf } from './home';

const me = (...roles: Role[]) => ({ grants: roles.map((role) => ({ role })) }) as unknown as MeResponse;

describe('where an account lands after signing in', () => {
  it('each role starts at its daily work', () => {
    expect(homeOf(me('platform_admin'))).toBe('/dashboard');
    expect(homeOf(me('committee_officer'))).toBe('/dashboard');
    expect(homeOf(me('branch_secretary'))).toBe('/activities');
    expect(homeOf(me('station_head'))).toBe('/activities');
    expect(homeOf(me('community_partner'))).toBe('/lists');
    expect(homeOf(me('volunteer'))).toBe('/care/route');
  });

  it('an account with several roles starts where its widest one does; one with none at the organisations', () => {
    expect(homeOf(me('volunteer', 'branch_secretary'))).toBe('/activities');
    expect(homeOf(me('community_partner', 'committee_officer'))).toBe('/dashboard');
    expect(homeOf(me())).toBe('/orgs');
  });
});
