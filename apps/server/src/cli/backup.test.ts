import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../platform/ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { seedDemo } from '../demo/seed.js';
import { orgsRepository } from '../modules/orgs/orgs.repository.js';
import { FieldCrypto } from '../platform/crypto.js';
import { makeOrg } from '../test/factories.js';
import { freshDatabase } from '../test/harness.js';
import {
  BackupError,
  EXCLUDED_TABLES,
  SEEDED_BY_MIGRATIONS,
  backupDatabase,
  keyCheckOf,
  readBackupHeader,
  restoreDatabase,
} from './backup.js';
import { createAdmin } from './commands.js';
import { describeTables, ident, orderBy, parentsFirst } from './tables.js';

const encKey = randomBytes(32);
const idxKey = randomBytes(32);
const crypto = new FieldCrypto(encKey, idxKey);
const keyCheck = keyCheckOf(encKey, idxKey);

/** Every row of every table, as PostgreSQL prints it, ordered by primary key. */
async function dump(database: Database, tables: string[]) {
  return database.withConnection(async (q) => {
    const all = await describeTables(q);
    const out: Record<string, string[]> = {};
    for (const name of tables) {
      const t = all.find((x) => x.name === name)!;
      out[name] = (await q(`select row_to_json(t)::text as j from ${ident(name)} t order by ${orderBy(t)}`)).rows.map((r) => r.j as string);
    }
    return out;
  });
}

const tableNames = (database: Database) => database.withConnection(async (q) => (await describeTables(q)).map((t) => t.name));

describe('backup and restore', () => {
  let source: Database;
  let target: Database;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'youshe-backup-'));
    file = path.join(dir, 'demo.youshe.gz');
    [source, target] = await Promise.all([freshDatabase(), freshDatabase()]);
    await seedDemo(source.db, crypto);
    // Rows written with now(): microsecond timestamps that must survive the round trip.
    await createAdmin(source, { login: 'ops-admin', password: 'a-long-enough-password' });
    // An org whose id sorts before its parent's, as after a move: the restore must still insert the parent first.
    const [root] = await source.db
      .execute<{ id: string; path: string; depth: number }>(sql`select id, path, depth from orgs where code = 'CNPOST'`)
      .then((r: any) => r.rows);
    const early = await makeOrg(source.db, 'branch', root, '先建后移的支部');
    const late = await makeOrg(source.db, 'general_branch', root, '后建的党总支');
    await orgsRepository.moveSubtree(source.db, early, late);
    // Left out of backups.
    const [account] = await source.db.execute<{ id: string }>(sql`select id from accounts where login = 'admin'`).then((r: any) => r.rows);
    await source.db.execute(
      sql`insert into sessions (token_hash, account_id, expires_at) values (${'h-' + uuidv7()}, ${account.id}, now() + interval '1 hour')`,
    );
    await source.db.execute(sql`insert into login_failures (ip) values ('203.0.113.9')`);
  });
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('knows every table that migrations fill, so that a restore replaces their rows instead of refusing', async () => {
    // The target is freshly migrated: whatever holds rows there was put there by a migration.
    const filled = await target.withConnection(async (q) => {
      const out: string[] = [];
      for (const t of await describeTables(q)) {
        if (t.name in EXCLUDED_TABLES) continue;
        if ((await q(`select exists (select 1 from ${ident(t.name)}) as any`)).rows[0].any) out.push(t.name);
      }
      return out.sort();
    });
    expect(filled).toEqual([...SEEDED_BY_MIGRATIONS].sort());
  });

  it('writes a gzipped file with a header, readable by its owner only', async () => {
    const header = await backupDatabase(source, file, { keyCheck });
    expect(header.format).toBe('youshe-backup');
    expect(header.keyCheck).toBe(keyCheck);
    expect(header.migrations.length).toBeGreaterThanOrEqual(2);
    expect(header.excluded).toEqual(Object.keys(EXCLUDED_TABLES));
    const names = header.tables.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['orgs', 'places', 'persons', 'accounts', 'grants', 'audit_log']));
    expect(names).not.toContain('sessions');
    expect(names).not.toContain('schema_migrations');
    // Dependency order: what a table points to comes before it.
    expect(names.indexOf('orgs')).toBeLessThan(names.indexOf('persons'));
    expect(names.indexOf('persons')).toBeLessThan(names.indexOf('accounts'));
    expect(names.indexOf('accounts')).toBeLessThan(names.indexOf('grants'));
    expect(header.tables.find((t) => t.name === 'audit_log')!.rows).toBeGreaterThanOrEqual(2);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await readBackupHeader(file)).toEqual(header);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toEqual({ end: true, rows: header.tables.reduce((s, t) => s + t.rows, 0) });
  });

  it('restores exactly the same rows into an empty database', async () => {
    await restoreDatabase(target, file, { keyCheck });
    const names = (await tableNames(source)).filter((t) => !(t in EXCLUDED_TABLES));
    expect(await tableNames(target)).toEqual(await tableNames(source));
    const [a, b] = await Promise.all([dump(source, names), dump(target, names)]);
    for (const name of names) expect(b[name], name).toEqual(a[name]);
    expect(a.persons!.length).toBeGreaterThan(300);
    const counts = await target.withConnection(
      async (q) => (await q('select (select count(*) from sessions)::int as s, (select count(*) from login_failures)::int as f')).rows[0],
    );
    expect(counts).toEqual({ s: 0, f: 0 });
    // The personal data is readable with the same keys.
    const [p] = await target.withConnection(
      async (q) => (await q('select phone_enc, phone_bidx from persons where phone_enc is not null order by id limit 1')).rows,
    );
    expect(crypto.blindIndex('phone', crypto.decrypt(p.phone_enc))).toBe(p.phone_bidx);
  });

  it('refuses a database that is not empty', async () => {
    await expect(restoreDatabase(target, file, { keyCheck })).rejects.toThrow(/not empty/);
  });

  it('refuses other keys, a truncated file and a file that is not a backup, leaving the database empty', async () => {
    const empty = await freshDatabase();
    try {
      await expect(restoreDatabase(empty, file, { keyCheck: keyCheckOf(randomBytes(32), randomBytes(32)) })).rejects.toThrow(
        /other encryption keys/,
      );

      const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
      const truncated = path.join(dir, 'truncated.gz');
      writeFileSync(truncated, gzipSync(lines.slice(0, -1).join('\n') + '\n'));
      await expect(restoreDatabase(empty, truncated, { keyCheck })).rejects.toThrow(/truncated/);

      const short = path.join(dir, 'short.gz');
      writeFileSync(short, gzipSync(lines.filter((l, i) => i === 0 || !l.startsWith('places\t')).join('\n') + '\n'));
      await expect(restoreDatabase(empty, short, { keyCheck })).rejects.toThrow(/places: the header promises/);

      const other = path.join(dir, 'other.gz');
      writeFileSync(other, gzipSync('{"hello":1}\n'));
      await expect(restoreDatabase(empty, other)).rejects.toBeInstanceOf(BackupError);

      const count = await empty.withConnection(
        async (q) => (await q('select (select count(*) from orgs)::int + (select count(*) from audit_log)::int as n')).rows[0].n,
      );
      expect(count).toBe(0);
    } finally {
      await empty.close();
    }
  });

  it('writes the same rows in the same order every time', async () => {
    const again = path.join(dir, 'second.gz');
    await backupDatabase(source, again);
    const body = (f: string) => gunzipSync(readFileSync(f)).toString('utf8').split('\n').slice(1);
    expect(body(again)).toEqual(body(file));
  });
});

describe('parentsFirst', () => {
  it('puts each row after the row it points to, keeping the order otherwise', () => {
    const rows = [
      { id: 'c', parent_id: 'b' },
      { id: 'a', parent_id: null },
      { id: 'd', parent_id: 'a' },
      { id: 'b', parent_id: 'a' },
    ].map((r) => JSON.stringify(r));
    const out = parentsFirst(rows, [{ column: 'parent_id', referenced: 'id' }]).map((r) => JSON.parse(r).id);
    expect(out).toEqual(['a', 'b', 'c', 'd']);
  });
});
