import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';

/** Any fixed number: every instance takes the same lock, so only one migrates at a time. */
const MIGRATION_LOCK = 726_001;

export function migrationsDir(): string {
  // Source tree: ./migrations beside this file; built server: dist/migrations (copied by build.mjs).
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [path.join(here, 'migrations'), path.join(here, 'db', 'migrations')]) {
    try {
      readdirSync(dir);
      return dir;
    } catch {
      /* try the next */
    }
  }
  throw new Error('migrations folder not found');
}

/**
 * PGlite is one connection, and advisory locks are re-entrant within a session, so callers that
 * share a handle queue here in the process as well.
 */
const running = new WeakMap<Database, Promise<unknown>>();

/**
 * Applies the committed SQL migrations in order, each in its own transaction, under a
 * PostgreSQL advisory lock held on one connection so that instances starting together queue up.
 * `before` stops short of that migration file: tests of a data migration write rows as older versions did.
 */
export function migrate(database: Database, options: { before?: string } = {}): Promise<string[]> {
  const previous = running.get(database) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => migrateLocked(database, options.before));
  running.set(database, next);
  return next;
}

async function migrateLocked(database: Database, before: string | undefined): Promise<string[]> {
  const dir = migrationsDir();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql') && (before === undefined || f < before))
    .sort();
  return database.withConnection(async (query) => {
    await query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await query(`create table if not exists schema_migrations (
        name text primary key, applied_at timestamptz not null default now())`);
      const done = new Set((await query('select name from schema_migrations')).rows.map((r) => r.name as string));
      const applied: string[] = [];
      for (const file of files) {
        if (done.has(file)) continue;
        const statements = readFileSync(path.join(dir, file), 'utf8')
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter(Boolean);
        await query('begin');
        try {
          for (const statement of statements) await query(statement);
          await query('insert into schema_migrations (name) values ($1)', [file]);
          await query('commit');
        } catch (err) {
          await query('rollback');
          throw new Error(`migration ${file} failed: ${(err as Error).message}`, { cause: err });
        }
        applied.push(file);
      }
      return applied;
    } finally {
      await query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });
}
