import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { loginFailures, sessions } from '../db/schema/index.js';

/** Removes sessions that have ended and address failures too old to count; safe to run on every instance. */
export async function sweepExpired(db: Db): Promise<{ sessions: number; loginFailures: number }> {
  const s = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, sql`now()`))
    .returning({ k: sessions.tokenHash });
  const f = await db
    .delete(loginFailures)
    .where(lt(loginFailures.at, sql`now() - interval '1 day'`))
    .returning({ ip: loginFailures.ip });
  return { sessions: s.length, loginFailures: f.length };
}
