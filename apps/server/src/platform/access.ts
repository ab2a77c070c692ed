import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import { roleAllows, type Locale, type Permission, type Role } from '@youshe/shared';
import { AppError } from './errors.js';

export interface ActorGrant {
  role: Role;
  orgId: string | null;
  /** Materialised path of the granted org; null for platform admins (everything). */
  orgPath: string | null;
  orgName: string | null;
}

/** Who is asking: resolved once per request from the session. */
export interface Actor {
  accountId: string;
  login: string;
  personId: string | null;
  personName: string | null;
  mustChangePassword: boolean;
  locale: Locale;
  grants: ActorGrant[];
  ip: string | null;
  userAgent: string | null;
}

/** 'all' for platform admins, otherwise the path prefixes of the subtrees the permission reaches. */
export type Scope = 'all' | string[];

export function scopeOf(actor: Actor, permission: Permission): Scope {
  const prefixes: string[] = [];
  for (const g of actor.grants) {
    if (!roleAllows(g.role, permission)) continue;
    if (g.role === 'platform_admin' || g.orgPath === null) return 'all';
    prefixes.push(g.orgPath);
  }
  return prefixes;
}

export function can(actor: Actor, permission: Permission, orgPath: string): boolean {
  const scope = scopeOf(actor, permission);
  return scope === 'all' || scope.some((p) => orgPath.startsWith(p));
}

/** Whether any grant of the actor reaches this org at all, whatever the permission. */
function reaches(actor: Actor, orgPath: string): boolean {
  return actor.grants.some((g) => g.orgPath === null || orgPath.startsWith(g.orgPath));
}

/**
 * The first line of every service method. Outside the actor's reach the record "does not exist"
 * (so ids cannot be probed); inside it, a missing permission is a plain refusal.
 */
export function requireAccess(actor: Actor, permission: Permission, orgPath: string | null | undefined): void {
  if (!orgPath) throw new AppError('not_found');
  if (can(actor, permission, orgPath)) return;
  throw new AppError(reaches(actor, orgPath) ? 'forbidden' : 'not_found');
}

/** As requireAccess, for records that belong to several organisations: any one of them suffices. */
export function requireAccessAny(actor: Actor, permission: Permission, orgPaths: string[]): void {
  if (!orgPaths.length) throw new AppError('not_found');
  if (orgPaths.some((p) => can(actor, permission, p))) return;
  throw new AppError(orgPaths.some((p) => reaches(actor, p)) ? 'forbidden' : 'not_found');
}

export function isPlatformAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'platform_admin');
}

/** A SQL condition that keeps only rows whose org path lies inside the scope. */
export function inScope(pathColumn: AnyColumn | SQL, scope: Scope): SQL {
  if (scope === 'all') return sql`true`;
  if (scope.length === 0) return sql`false`;
  return sql`(${sql.join(
    scope.map((p) => sql`${pathColumn} like ${p + '%'}`),
    sql` or `,
  )})`;
}
