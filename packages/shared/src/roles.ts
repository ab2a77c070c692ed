export const ROLES = ['platform_admin', 'committee_officer', 'branch_secretary', 'station_head', 'volunteer', 'community_partner'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org.read',
  'org.write',
  'place.read',
  'place.write',
  'person.read',
  'person.write',
  'person.reveal',
  'audit.read',
  'account.manage',
  'activity.read',
  'activity.write',
  'activity.checkin',
  'booking.read',
  'booking.write',
  'booking.fulfil',
  'station.write',
  'service.log',
  'outcome.read',
  'outcome.write',
  'care.read',
  'care.manage',
  'care.reveal',
  'care.visit',
  'notify.read',
  'volunteer.manage',
  'wristband.manage',
  'report.read',
  'press.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do inside the subtree it is granted on. Platform admins may do everything everywhere. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  platform_admin: PERMISSIONS,
  committee_officer: PERMISSIONS,
  branch_secretary: [
    'org.read',
    'org.write',
    'place.read',
    'place.write',
    'person.read',
    'person.write',
    'person.reveal',
    'account.manage',
    'activity.read',
    'activity.write',
    'activity.checkin',
    'booking.read',
    'booking.write',
    'booking.fulfil',
    'station.write',
    'service.log',
    'outcome.read',
    'outcome.write',
    'care.read',
    'care.visit',
    'notify.read',
    'volunteer.manage',
    'wristband.manage',
    'report.read',
    'press.write',
  ],
  station_head: [
    'org.read',
    'place.read',
    'place.write',
    'person.read',
    'activity.read',
    'activity.write',
    'activity.checkin',
    'booking.read',
    'booking.write',
    'booking.fulfil',
    'station.write',
    'service.log',
    'outcome.read',
    'outcome.write',
    'care.visit',
    'volunteer.manage',
    'report.read',
    'press.write',
  ],
  // A counter clerk marks a booking fulfilled at their own outlet.
  volunteer: ['org.read', 'place.read', 'activity.read', 'activity.checkin', 'booking.fulfil', 'service.log', 'care.visit'],
  community_partner: [
    'org.read',
    'place.read',
    'person.read',
    'person.write',
    'person.reveal',
    'activity.read',
    'activity.write',
    'activity.checkin',
    'care.read',
    'care.manage',
    'care.reveal',
    'notify.read',
    'wristband.manage',
    'report.read',
  ],
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * How far a role reaches when handing out roles: nobody grants a role above their own,
 * and only platform admins make platform admins.
 */
export const ROLE_RANK: Record<Role, number> = {
  platform_admin: 5,
  committee_officer: 4,
  branch_secretary: 3,
  community_partner: 3,
  station_head: 2,
  volunteer: 1,
};
