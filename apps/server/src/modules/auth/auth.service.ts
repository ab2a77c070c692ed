import { LOCALES, type Locale, type MeResponse, type Role } from '@youshe/shared';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { randomToken, sha256 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { authRepository as repo } from './auth.repository.js';
import { dummyVerify, hashPassword, verifyPassword } from './passwords.js';

export const LOCK_THRESHOLD = 5;
export const LOCK_MINUTES = 15;
/** Failures from one address within the window before that address must wait. */
export const ADDRESS_LIMIT = 30;
const ADDRESS_WINDOW_MINUTES = 15;
const IDLE_HOURS = 12;
const ABSOLUTE_DAYS = 7;
/** Don't write to the session row on every request: once every few minutes is enough to slide the expiry. */
const TOUCH_AFTER_MS = 5 * 60_000;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

const minutesUntil = (d: Date) => Math.max(1, Math.ceil((d.getTime() - Date.now()) / 60_000));

export function createAuthService(db: Db) {
  async function login(loginName: string, password: string, client: ClientInfo): Promise<{ token: string; expiresAt: Date }> {
    const login = loginName.trim().toLowerCase();
    if (client.ip && (await repo.addressFailuresSince(db, client.ip, ADDRESS_WINDOW_MINUTES)) >= ADDRESS_LIMIT) {
      throw new AppError('rate_limited');
    }
    const account = await repo.findAccountByLogin(db, login);
    if (account?.lockedUntil && account.lockedUntil > new Date()) {
      throw new AppError('account_locked', undefined, { minutes: minutesUntil(account.lockedUntil) });
    }
    const ok = account && !account.disabledAt ? await verifyPassword(account.passwordHash, password) : await dummyVerify(password);
    if (!account || !ok) {
      const lockedUntil = await db.transaction(async (tx) => {
        if (client.ip) await repo.recordAddressFailure(tx, client.ip);
        const until = account ? await repo.recordFailure(tx, account.id, LOCK_THRESHOLD, LOCK_MINUTES) : null;
        await recordAudit(
          tx,
          null,
          { action: 'auth.login_failed', entity: 'account', entityId: account?.id ?? null, by: { accountId: account?.id ?? null, login } },
          client,
        );
        return until;
      });
      if (lockedUntil && lockedUntil > new Date()) throw new AppError('account_locked', undefined, { minutes: minutesUntil(lockedUntil) });
      throw new AppError('invalid_credentials');
    }
    const token = randomToken();
    const expiresAt = new Date(Date.now() + IDLE_HOURS * 3600_000);
    await db.transaction(async (tx) => {
      await repo.resetFailures(tx, account.id);
      await repo.createSession(tx, {
        tokenHash: sha256(token),
        accountId: account.id,
        expiresAt,
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      });
      await recordAudit(
        tx,
        null,
        { action: 'auth.login', entity: 'account', entityId: account.id, by: { accountId: account.id, login } },
        client,
      );
    });
    return { token, expiresAt };
  }

  /** Resolves a session cookie into an actor, or null when the session is unknown or over. */
  async function resolveActor(token: string, client: ClientInfo): Promise<Actor | null> {
    const tokenHash = sha256(token);
    const session = await repo.findLiveSession(db, tokenHash);
    if (!session) return null;
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      const idle = Date.now() + IDLE_HOURS * 3600_000;
      const absolute = session.createdAt.getTime() + ABSOLUTE_DAYS * 86400_000;
      await repo.touchSession(db, tokenHash, new Date(Math.min(idle, absolute)));
    }
    const grants = typeof session.grants === 'string' ? JSON.parse(session.grants) : session.grants;
    return {
      accountId: session.accountId,
      login: session.login,
      personId: session.personId,
      personName: session.personName,
      mustChangePassword: session.mustChangePassword === 1,
      locale: (LOCALES as readonly string[]).includes(session.locale) ? (session.locale as Locale) : 'zh-CN',
      grants: (grants as typeof session.grants).map((g) => ({
        role: g.role as Role,
        orgId: g.orgId,
        orgPath: g.orgPath,
        orgName: g.orgName,
      })),
      ip: client.ip,
      userAgent: client.userAgent,
    };
  }

  async function logout(actor: Actor, token: string) {
    await db.transaction(async (tx) => {
      await repo.deleteSession(tx, sha256(token));
      await recordAudit(tx, actor, { action: 'auth.logout', entity: 'account', entityId: actor.accountId });
    });
  }

  /** Everything here came with the session in one query; /api/me touches the database once. */
  function me(actor: Actor): MeResponse {
    return {
      account: { id: actor.accountId, login: actor.login, locale: actor.locale, mustChangePassword: actor.mustChangePassword },
      person: actor.personId ? { id: actor.personId, name: actor.personName ?? '' } : null,
      grants: actor.grants.map((g) => ({ role: g.role, orgId: g.orgId, orgName: g.orgName })),
    };
  }

  async function changePassword(actor: Actor, token: string, currentPassword: string, newPassword: string) {
    const account = await repo.findAccountById(db, actor.accountId);
    if (!account || !(await verifyPassword(account.passwordHash, currentPassword))) {
      throw new AppError('validation_failed', [{ path: 'currentPassword', code: 'custom', message: 'current_password_wrong' }]);
    }
    const hash = await hashPassword(newPassword);
    await db.transaction(async (tx) => {
      await repo.setPassword(tx, actor.accountId, hash);
      // Other devices signed in with the old password are signed out.
      await repo.deleteOtherSessions(tx, actor.accountId, sha256(token));
      await recordAudit(tx, actor, { action: 'auth.password_changed', entity: 'account', entityId: actor.accountId });
    });
  }

  /** The language follows the person to every device they sign in on. */
  async function setLocale(actor: Actor, locale: Locale): Promise<MeResponse> {
    await db.transaction(async (tx) => {
      await repo.setLocale(tx, actor.accountId, locale);
      await recordAudit(tx, actor, { action: 'account.locale', entity: 'account', entityId: actor.accountId, details: { locale } });
    });
    return me({ ...actor, locale });
  }

  return { login, resolveActor, logout, me, changePassword, setLocale };
}

export type AuthService = ReturnType<typeof createAuthService>;
