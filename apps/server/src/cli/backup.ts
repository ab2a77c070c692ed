import { createHmac } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database } from '../db/client.js';
import { VERSION } from '../version.js';
import { dependencyOrder, describeTables, ident, orderBy, parentsFirst, type Query, type TableInfo } from './tables.js';

/**
 * Backup file, gzipped text, one record a line:
 *   line 1     {"format":"youshe-backup","version":1, ...header}   JSON, see BackupHeader
 *   then       <table>\t<row as a JSON object>                     tables in dependency order, rows by primary key
 *                                                                  (self-referencing tables: parents first)
 *   last line  {"end":true,"rows":<total>}                         absent = the file is truncated
 * Rows are written as PostgreSQL's row_to_json prints them and read back with json_populate_recordset,
 * so no value passes through a JavaScript number or Date: microseconds, big integers and floats survive.
 */
export const BACKUP_FORMAT = 'youshe-backup';
export const BACKUP_VERSION = 1;

/**
 * Left out: `schema_migrations` (the target's own migrations write it), `sessions` (everyone signs in
 * again after a restore; a copied session would keep working on a server it was never issued by) and
 * `login_failures` (rate-limit counters that expire within minutes).
 */
export const EXCLUDED_TABLES: Record<string, string> = {
  schema_migrations: 'written by the migrations of the target',
  sessions: 'signed-in sessions are not carried over: everyone signs in again',
  login_failures: 'short-lived rate-limit counters',
  // Restored rows mark their own (organisation, month) pairs as they are inserted; the next read recomputes them.
  rollup_dirty: 'dashboard rollups waiting to be recomputed: marked again by the restore itself',
};

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  app: string;
  createdAt: string;
  database: 'pglite' | 'postgres';
  migrations: string[];
  /** Fingerprint of the encryption and blind-index keys the personal data was sealed with (not the keys). */
  keyCheck: string | null;
  excluded: string[];
  tables: { name: string; columns: string[]; rows: number }[];
}

export class BackupError extends Error {}

/** A key check value: HMAC of a constant under each key. It shows whether two keys are the same, and nothing else. */
export function keyCheckOf(encryptionKey: Buffer, blindIndexKey: Buffer): string {
  const check = (key: Buffer) => createHmac('sha256', key).update('youshe-key-check').digest('hex').slice(0, 16);
  return `${check(encryptionKey)}-${check(blindIndexKey)}`;
}

const FETCH = 1000;
const INSERT_BATCH = 500;

async function backedUpTables(query: Query): Promise<TableInfo[]> {
  return dependencyOrder((await describeTables(query)).filter((t) => !(t.name in EXCLUDED_TABLES)));
}

async function appliedMigrations(query: Query): Promise<string[]> {
  return (await query('select name from schema_migrations order by name')).rows.map((r) => r.name as string);
}

/**
 * Writes every table (but those in EXCLUDED_TABLES) to `outFile` from one consistent snapshot.
 * The file appears only when complete (written beside it first, then renamed), readable by its owner only.
 */
export async function backupDatabase(
  database: Database,
  outFile: string,
  options: { keyCheck?: string | null } = {},
): Promise<BackupHeader> {
  const partial = `${outFile}.partial`;
  return database.withConnection(async (query) => {
    await query('begin isolation level repeatable read read only');
    try {
      const tables = await backedUpTables(query);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        app: VERSION,
        createdAt: new Date().toISOString(),
        database: database.kind,
        migrations: await appliedMigrations(query),
        keyCheck: options.keyCheck ?? null,
        excluded: Object.keys(EXCLUDED_TABLES),
        tables: [],
      };
      for (const t of tables) {
        const [row] = (await query(`select count(*)::int as n from ${ident(t.name)}`)).rows;
        header.tables.push({ name: t.name, columns: t.columns, rows: Number(row.n) });
      }
      const total = header.tables.reduce((sum, t) => sum + t.rows, 0);

      async function* lines() {
        yield JSON.stringify(header) + '\n';
        for (const t of tables) {
          const prefix = t.name + '\t';
          const select = `select row_to_json(t)::text as j from ${ident(t.name)} t order by ${orderBy(t)}`;
          if (t.selfReferences.length) {
            const rows = parentsFirst(
              (await query(select)).rows.map((r) => r.j as string),
              t.selfReferences,
            );
            for (let i = 0; i < rows.length; i += FETCH) {
              yield rows
                .slice(i, i + FETCH)
                .map((j) => prefix + j + '\n')
                .join('');
            }
            continue;
          }
          await query(`declare backup_rows no scroll cursor for ${select}`);
          for (;;) {
            const batch = (await query(`fetch forward ${FETCH} from backup_rows`)).rows;
            if (!batch.length) break;
            yield batch.map((r) => prefix + (r.j as string) + '\n').join('');
          }
          await query('close backup_rows');
        }
        yield JSON.stringify({ end: true, rows: total }) + '\n';
      }

      await pipeline(lines, createGzip(), createWriteStream(partial, { mode: 0o600 }));
      await query('commit');
      await rename(partial, outFile);
      return header;
    } catch (err) {
      await query('rollback').catch(() => undefined);
      await rm(partial, { force: true });
      throw err;
    }
  });
}

async function* readLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield line;
}

function parseHeader(line: string | undefined): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(line ?? '') as BackupHeader;
  } catch {
    throw new BackupError('not a Youshe backup: the first line is not a header');
  }
  if (header.format !== BACKUP_FORMAT) throw new BackupError('not a Youshe backup');
  if (header.version !== BACKUP_VERSION)
    throw new BackupError(`backup format version ${header.version} is not supported (this is version ${BACKUP_VERSION})`);
  return header;
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const line of readLines(file)) return parseHeader(line);
  throw new BackupError('the backup file is empty');
}

/** Row counts of every table a restore would fill: all must be zero. */
/**
 * Reference rows that migrations insert into every new database (activity kinds, station functions).
 * A restore replaces them with the backup's, which carry any edits admins made. A test migrates a new
 * database and holds this list to the tables it finds filled.
 */
export const SEEDED_BY_MIGRATIONS = ['activity_kinds', 'station_functions'];

async function nonEmptyTables(query: Query): Promise<string[]> {
  const out: string[] = [];
  for (const t of (await backedUpTables(query)).filter((t) => !SEEDED_BY_MIGRATIONS.includes(t.name))) {
    const [row] = (await query(`select exists (select 1 from ${ident(t.name)}) as any`)).rows;
    if (row.any) out.push(t.name);
  }
  return out;
}

/**
 * Loads a backup into an empty, migrated database, in one transaction: either everything is restored
 * or nothing. The audit log cannot be emptied (it is append-only), so restoring over data is refused:
 * restore into a new database instead.
 */
export async function restoreDatabase(
  database: Database,
  inFile: string,
  options: { keyCheck?: string | null; allowKeyMismatch?: boolean } = {},
): Promise<BackupHeader> {
  const header = await readBackupHeader(inFile);
  return database.withConnection(async (query) => {
    const migrations = await appliedMigrations(query);
    if (migrations.join('\n') !== header.migrations.join('\n')) {
      const missing = header.migrations.filter((m) => !migrations.includes(m));
      throw new BackupError(
        missing.length
          ? `the backup was made by a newer version (migrations ${missing.join(', ')} are unknown here): restore it with that version`
          : `the backup was made by an older version (${header.migrations.length} of ${migrations.length} migrations): restore it with that version, then upgrade`,
      );
    }
    if (options.keyCheck && header.keyCheck && options.keyCheck !== header.keyCheck && !options.allowKeyMismatch) {
      throw new BackupError(
        'the backup was sealed with other encryption keys: set ENCRYPTION_KEY and BLIND_INDEX_KEY (or, on the embedded database, copy keys.json from the old data folder) to the keys it was made with',
      );
    }
    const filled = await nonEmptyTables(query);
    if (filled.length) throw new BackupError(`the database is not empty (${filled.join(', ')}): restore into a new, empty database`);

    const tables = new Map((await describeTables(query)).map((t) => [t.name, t]));
    for (const t of header.tables) {
      const here = tables.get(t.name);
      if (!here) throw new BackupError(`table ${t.name} of the backup does not exist here`);
      const unknown = t.columns.filter((c) => !here.columns.includes(c));
      if (unknown.length) throw new BackupError(`columns ${unknown.join(', ')} of ${t.name} do not exist here`);
    }

    await query('begin');
    try {
      for (const name of SEEDED_BY_MIGRATIONS) await query(`delete from ${ident(name)}`);
      const counts = new Map<string, number>();
      let pending: string[] = [];
      let pendingTable: string | null = null;
      const flush = async () => {
        if (!pendingTable || !pending.length) return;
        const t = header.tables.find((x) => x.name === pendingTable)!;
        const cols = t.columns.map(ident).join(', ');
        const overriding = tables.get(t.name)!.identityAlways ? ' overriding system value' : '';
        await query(
          `insert into ${ident(t.name)} (${cols})${overriding} select ${cols} from json_populate_recordset(null::${ident(t.name)}, $1::json)`,
          [`[${pending.join(',')}]`],
        );
        counts.set(t.name, (counts.get(t.name) ?? 0) + pending.length);
        pending = [];
      };

      // Tables come in dependency order: once the file has moved past a table, its rows must all be there,
      // or the rows that point to them would fail on a foreign key before the count could tell what is missing.
      const read = new Map<string, number>();
      let complete = 0;
      const checkBefore = (index: number) => {
        for (; complete < index; complete++) {
          const t = header.tables[complete]!;
          if ((read.get(t.name) ?? 0) !== t.rows)
            throw new BackupError(`table ${t.name}: the header promises ${t.rows} rows, the file holds ${read.get(t.name) ?? 0}`);
        }
      };

      let first = true;
      let end: { end: true; rows: number } | null = null;
      for await (const line of readLines(inFile)) {
        if (first) {
          first = false;
          continue;
        }
        if (end) throw new BackupError('the backup has data after its end marker');
        if (line.startsWith('{')) {
          end = JSON.parse(line) as { end: true; rows: number };
          continue;
        }
        const tab = line.indexOf('\t');
        const table = line.slice(0, tab);
        const index = tab < 0 ? -1 : header.tables.findIndex((t) => t.name === table);
        if (index < 0) throw new BackupError(`the backup has a row of an unknown table: ${table || line.slice(0, 40)}`);
        read.set(table, (read.get(table) ?? 0) + 1);
        if (table !== pendingTable || pending.length >= INSERT_BATCH) {
          checkBefore(index);
          await flush();
          pendingTable = table;
        }
        pending.push(line.slice(tab + 1));
      }
      await flush();
      if (!end?.end) throw new BackupError('the backup file is truncated (no end marker)');
      for (const t of header.tables) {
        if ((counts.get(t.name) ?? 0) !== t.rows)
          throw new BackupError(`table ${t.name}: the header promises ${t.rows} rows, the file holds ${counts.get(t.name) ?? 0}`);
      }
      await resetSequences(
        query,
        header.tables.map((t) => t.name),
      );
      await query('commit');
      return header;
    } catch (err) {
      await query('rollback').catch(() => undefined);
      throw err;
    }
  });
}

/** Serial and identity columns continue after the highest restored value. */
async function resetSequences(query: Query, tables: string[]) {
  const rows = (
    await query(
      `select c.relname as table, a.attname as column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
       from pg_attribute a join pg_class c on c.oid = a.attrelid
       where c.relnamespace = current_schema()::regnamespace and a.attnum > 0 and not a.attisdropped and c.relname = any($1::text[])`,
      [tables],
    )
  ).rows as { table: string; column: string; seq: string | null }[];
  for (const r of rows.filter((x) => x.seq)) {
    await query(
      `select setval($1::regclass, coalesce(max(${ident(r.column)}), 1), max(${ident(r.column)}) is not null) from ${ident(r.table)}`,
      [r.seq],
    );
  }
}
