import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { DEMO_PASSWORD } from '../demo/seed.js';
import { FieldCrypto } from '../platform/crypto.js';
import { BackupError, backupDatabase, keyCheckOf, restoreDatabase } from './backup.js';
import { CliError, createAdmin, seedDemoCommand } from './commands.js';
import { lockDataDir } from '../platform/data-lock.js';
import { rebuildRollups } from '../modules/reports/rollups.js';

export const USAGE = `Youshe 邮社共建 — administration

Usage: npm run youshe -- <command> [options]
       node apps/server/dist/cli.js <command> [options]

Commands:
  migrate                           apply the database migrations that are not applied yet
  create-admin --login <login> [--password <password>]
                                    create a platform administrator; without --password the password
                                    is read from YOUSHE_ADMIN_PASSWORD, or generated and printed once
                                    (a generated one must be changed at first sign-in)
  seed-demo [--seed <n>]            load the demo data into an empty database (not with NODE_ENV=production)
  backup --out <file>               write every table to a gzipped backup file (not sessions:
                                    everyone signs in again after a restore)
  restore --in <file> [--allow-key-mismatch]
                                    load a backup into a new, empty database (migrated first), in one
                                    transaction; refused if the database holds any data
  rebuild-rollups                   recompute every dashboard figure from the records (after a restore,
                                    a bulk import or a suspected drift); the dashboard stays readable meanwhile
  help                              show this text

The database is the one the server uses: DATABASE_URL (PostgreSQL), else the embedded database in
DATA_DIR (default ./data). With the embedded database, stop the server first: only one process may
open it at a time (DATA_DIR/youshe.lock names the holder).

Personal data is encrypted with ENCRYPTION_KEY and BLIND_INDEX_KEY (embedded database: DATA_DIR/keys.json).
A backup can only be read with the same keys: keep them safe, and apart from the backups.

Exit codes: 0 done, 1 failed, 2 wrong usage.`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

const COMMAND_OPTIONS = {
  migrate: {},
  'create-admin': { login: { type: 'string' }, password: { type: 'string' } },
  'seed-demo': { seed: { type: 'string' } },
  backup: { out: { type: 'string' } },
  restore: { in: { type: 'string' }, 'allow-key-mismatch': { type: 'boolean' } },
  'rebuild-rollups': {},
} as const;
type Command = keyof typeof COMMAND_OPTIONS;

function required(values: Record<string, unknown>, name: string, command: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v) throw new CliError(`${command} needs --${name} <value>`, 2);
  return v;
}

/** Parses argv (without node and script), runs one command and returns the exit code. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = consoleIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  if (!(command in COMMAND_OPTIONS)) {
    io.err(`youshe: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: rest, options: COMMAND_OPTIONS[command as Command], strict: true, allowPositionals: false }).values;
  } catch (err) {
    io.err(`youshe ${command}: ${(err as Error).message}\nRun "youshe help" for the usage.`);
    return 2;
  }

  let database: Database | null = null;
  let release: (() => void) | null = null;
  try {
    // Check the arguments before opening anything.
    const outFile = command === 'backup' ? path.resolve(required(values, 'out', command)) : null;
    const inFile = command === 'restore' ? path.resolve(required(values, 'in', command)) : null;
    const login = command === 'create-admin' ? required(values, 'login', command) : null;
    const seed = command === 'seed-demo' && values.seed !== undefined ? Number(values.seed) : undefined;
    if (seed !== undefined && !Number.isSafeInteger(seed)) throw new CliError('--seed must be an integer', 2);
    if (outFile && existsSync(outFile))
      throw new CliError(`${outFile} already exists: choose another file (backups are never overwritten)`);
    if (inFile && !existsSync(inFile)) throw new CliError(`${inFile} does not exist`);

    let config: Config;
    try {
      config = loadConfig(env);
    } catch (err) {
      throw new CliError(`configuration: ${(err as Error).message}`);
    }
    if (command === 'seed-demo' && config.env === 'production') throw new CliError('refusing to load demo data with NODE_ENV=production');
    if (config.database.kind === 'pglite') {
      try {
        release = lockDataDir(config.dataDir, `youshe ${command}`);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
    }
    database = await openDatabase(config.database);
    const where = config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${config.dataDir}`;
    const keyCheck = keyCheckOf(config.encryptionKey, config.blindIndexKey);

    switch (command as Command) {
      case 'migrate': {
        const applied = await migrate(database);
        io.out(
          applied.length
            ? `Applied ${applied.length} migration(s) to the ${where}:\n  ${applied.join('\n  ')}`
            : `The ${where} is up to date.`,
        );
        break;
      }
      case 'create-admin': {
        await migrate(database);
        const admin = await createAdmin(database, { login: login!, password: values.password as string | undefined }, env);
        io.out(`Created platform administrator "${admin.login}" in the ${where}.`);
        if (admin.generatedPassword) {
          io.out(`Password (shown only this once; it must be changed at first sign-in):\n\n  ${admin.generatedPassword}\n`);
        }
        break;
      }
      case 'seed-demo': {
        await migrate(database);
        const result = await seedDemoCommand(database, new FieldCrypto(config.encryptionKey, config.blindIndexKey), {
          env: config.env,
          seed,
        });
        io.out(result.loaded ? `Demo data loaded into the ${where}.` : `The demo data is already loaded in the ${where}; nothing changed.`);
        io.out(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
        for (const a of result.accounts) io.out(`  ${a.login.padEnd(14)} ${a.role.padEnd(18)} ${a.org}`);
        break;
      }
      case 'backup': {
        const started = Date.now();
        const header = await backupDatabase(database, outFile!, { keyCheck });
        const rows = header.tables.reduce((s, t) => s + t.rows, 0);
        io.out(`Backed up ${header.tables.length} tables, ${rows} rows, from the ${where} to ${outFile} in ${Date.now() - started} ms.`);
        io.out(
          `Not included: ${header.excluded.join(', ')}. Keep the encryption keys too: the personal data in the file can only be read with them.`,
        );
        break;
      }
      case 'rebuild-rollups': {
        await migrate(database);
        const started = Date.now();
        const { rows } = await rebuildRollups(database.db);
        io.out(`Rebuilt the dashboard rollups in the ${where}: ${rows} figures in ${Date.now() - started} ms.`);
        break;
      }
      case 'restore': {
        await migrate(database);
        const started = Date.now();
        const header = await restoreDatabase(database, inFile!, { keyCheck, allowKeyMismatch: Boolean(values['allow-key-mismatch']) });
        const rows = header.tables.reduce((s, t) => s + t.rows, 0);
        io.out(
          `Restored ${header.tables.length} tables, ${rows} rows, from the backup of ${header.createdAt} into the ${where} in ${Date.now() - started} ms.`,
        );
        io.out('Sessions are not part of a backup: everyone signs in again.');
        break;
      }
    }
    return 0;
  } catch (err) {
    if (err instanceof CliError || err instanceof BackupError) {
      io.err(`youshe ${command}: ${err.message}`);
      return err instanceof CliError ? err.exitCode : 1;
    }
    io.err(`youshe ${command} failed: ${(err as Error).stack ?? String(err)}`);
    return 1;
  } finally {
    try {
      await database?.close();
    } finally {
      release?.();
    }
  }
}
