import { randomBytes } from 'node:crypto';
import { loginNameSchema } from '@youshe/shared';
import { eq } from 'drizzle-orm';
import { uuidv7 } from '../platform/ids.js';
import type { Database } from '../db/client.js';
import { accounts, grants } from '../db/schema/index.js';
import { DEMO_ACCOUNTS } from '../demo/accounts.js';
import { demoState, seedDemo } from '../demo/seed.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { recordAudit } from '../platform/audit.js';
import type { FieldCrypto } from '../platform/crypto.js';

/** A failure the operator can act on: printed as is, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const MIN_PASSWORD_LENGTH = 10;

export interface CreatedAdmin {
  id: string;
  login: string;
  /** Set only when the password was generated here: shown once, never stored in clear. */
  generatedPassword: string | null;
}

/**
 * Creates a platform administrator. The password comes from the caller, else YOUSHE_ADMIN_PASSWORD,
 * else a strong one is generated (and must be changed at first sign-in).
 */
export async function createAdmin(
  database: Database,
  input: { login: string; password?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<CreatedAdmin> {
  const parsed = loginNameSchema.safeParse(input.login);
  if (!parsed.success) {
    throw new CliError(
      `"${input.login}" is not a valid login: 3–32 lowercase letters, digits and . _ - (starting with a letter or digit)`,
      2,
    );
  }
  const login = parsed.data;
  const given = input.password ?? env.YOUSHE_ADMIN_PASSWORD;
  if (given !== undefined && given.length < MIN_PASSWORD_LENGTH) {
    throw new CliError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`, 2);
  }
  const password = given ?? randomBytes(18).toString('base64url');
  const db = database.db;
  if (await db.query.accounts.findFirst({ where: eq(accounts.login, login) })) {
    throw new CliError(`an account with the login "${login}" already exists: choose another login (nothing was changed)`);
  }
  const passwordHash = await hashPassword(password);
  const id = uuidv7();
  try {
    await db.transaction(async (tx) => {
      await tx.insert(accounts).values({ id, login, passwordHash, mustChangePassword: given === undefined ? 1 : 0 });
      await tx.insert(grants).values({ id: uuidv7(), accountId: id, role: 'platform_admin', orgId: null });
      await recordAudit(tx, null, {
        action: 'account.create',
        entity: 'account',
        entityId: id,
        details: { login, role: 'platform_admin', via: 'cli' },
      });
    });
  } catch (err) {
    // Someone else created the same login in between.
    if ((err as { code?: string }).code === '23505' || /unique/i.test(String((err as Error).message))) {
      throw new CliError(`an account with the login "${login}" already exists: choose another login (nothing was changed)`);
    }
    throw err;
  }
  return { id, login, generatedPassword: given === undefined ? password : null };
}

/** Loads the demo into an empty database; never in production, never over data of someone's own. */
export async function seedDemoCommand(
  database: Database,
  crypto: FieldCrypto,
  options: { env: string; seed?: number },
): Promise<{ loaded: boolean; accounts: typeof DEMO_ACCOUNTS }> {
  if (options.env === 'production') throw new CliError('refusing to load demo data with NODE_ENV=production');
  const state = await demoState(database.db);
  if (state === 'loaded') return { loaded: false, accounts: DEMO_ACCOUNTS };
  if (state === 'in_use')
    throw new CliError('the database already holds organisations or accounts: the demo is only loaded into an empty database');
  await seedDemo(database.db, crypto, { seed: options.seed });
  return { loaded: true, accounts: DEMO_ACCOUNTS };
}
