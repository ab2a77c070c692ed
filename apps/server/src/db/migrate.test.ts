import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { TEST_DB } from '../test/harness.js';
import { openDatabase, type Database } from './client.js';
import { migrate } from './migrate.js';

async function emptyDatabases(count: number): Promise<{ handles: Database[]; drop(): Promise<void> }> {
  if (TEST_DB === 'pglite') {
    const one = await openDatabase({ kind: 'pglite', dataDir: null });
    return { handles: Array(count).fill(one), drop: () => one.close() };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `youshe_migrate_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handles = await Promise.all(
    Array.from({ length: count }, () => openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 })),
  );
  return {
    handles,
    async drop() {
      await Promise.all(handles.map((h) => h.close()));
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

describe('migrations', () => {
  it('apply once when several instances start together, and again is a no-op', async () => {
    const { handles, drop } = await emptyDatabases(3);
    try {
      const results = await Promise.all(handles.map((h) => migrate(h)));
      const applied = results.flat();
      expect(applied.length).toBeGreaterThan(0);
      // Every migration was applied by exactly one of the instances.
      expect(new Set(applied).size).toBe(applied.length);
      expect(await migrate(handles[0]!)).toEqual([]);
      const tables = await handles[0]!.withConnection((q) =>
        q(`select count(*)::int n from information_schema.tables where table_name in ('orgs','persons','accounts','audit_log')`),
      );
      expect(tables.rows[0].n).toBe(4);
    } finally {
      await drop();
    }
  });
});
