import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { freshDatabase } from '../test/harness.js';
import { sqlStateOf } from './errors.js';

describe('sqlStateOf', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  // Retries on deadlock (40P01) and unique clashes (23505) depend on reading the code through Drizzle's wrapper.
  it('reads the PostgreSQL code of a query that failed through Drizzle', async () => {
    const failed = await database.db.execute(sql`select 1 / 0`).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(Error);
    expect(sqlStateOf(failed)).toBe('22012');
    await database.db.execute(sql`create table clash_probe (n int primary key)`);
    const clash = await database.db.execute(sql`insert into clash_probe values (1), (1)`).catch((err: unknown) => err);
    expect(sqlStateOf(clash)).toBe('23505');
    expect(sqlStateOf(new Error('not from the database'))).toBeUndefined();
  });
});
