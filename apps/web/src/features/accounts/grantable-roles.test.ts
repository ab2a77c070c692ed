import { describe, expect, it } from 'vitest';
import { grantableRoles, outranks } from './grantable-roles';

describe('grantableRoles', () => {
  it('offers every role to a platform admin', () => {
    expect(grantableRoles([{ role: 'platform_admin' }])).toEqual([
      'platform_admin',
      'committee_officer',
      'branch_secretary',
      'station_head',
      'volunteer',
      'community_partner',
    ]);
  });

  it('offers a branch secretary nothing above their own rank and never platform admin', () => {
    expect(grantableRoles([{ role: 'branch_secretary' }])).toEqual(['branch_secretary', 'station_head', 'volunteer', 'community_partner']);
  });

  it('goes by the highest role held', () => {
    expect(grantableRoles([{ role: 'volunteer' }, { role: 'committee_officer' }])).not.toContain('platform_admin');
    expect(grantableRoles([{ role: 'volunteer' }, { role: 'committee_officer' }])).toContain('committee_officer');
  });

  it('offers nothing without grants', () => {
    expect(grantableRoles([])).toEqual([]);
  });
});

describe('outranks', () => {
  it('holds when the account has a role above all of the actor’s', () => {
    expect(outranks([{ role: 'volunteer' }, { role: 'committee_officer' }], [{ role: 'branch_secretary' }])).toBe(true);
    expect(outranks([{ role: 'volunteer' }], [{ role: 'branch_secretary' }])).toBe(false);
    expect(outranks([{ role: 'branch_secretary' }], [{ role: 'branch_secretary' }])).toBe(false);
  });

  it('never holds for a platform admin', () => {
    expect(outranks([{ role: 'platform_admin' }], [{ role: 'platform_admin' }])).toBe(false);
  });
});
