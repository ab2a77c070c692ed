import { eq, sql } from 'drizzle-orm';
import type { FUNCTION_GROUPS, createFunctionSchema, updateFunctionSchema } from '@youshe/shared';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { stationFunctionLinks, stationFunctions } from '../../db/schema/index.js';
import { isPlatformAdmin, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { stationsRepository as repo } from './stations.repository.js';

type GroupKey = (typeof FUNCTION_GROUPS)[number];

const toFunction = (f: typeof stationFunctions.$inferSelect, stationCount: number) => ({
  id: f.id,
  groupKey: f.groupKey as GroupKey,
  name: f.name,
  description: f.description,
  sort: f.sort,
  archived: f.archivedAt !== null,
  stationCount,
});

/** How many stations have each function enabled: what retiring it would take off their pages. */
async function stationCounts(db: Executor, id?: string) {
  const rows = await db
    .select({ id: stationFunctionLinks.functionId, n: sql<number>`count(*)::int` })
    .from(stationFunctionLinks)
    .where(id ? eq(stationFunctionLinks.functionId, id) : undefined)
    .groupBy(stationFunctionLinks.functionId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/**
 * The catalogue of station functions ("315"), which every station picks from. Everyone reads it; platform admins
 * add, rename and retire functions. A retired function stays linked to the stations that had it (restoring it
 * brings it back) but leaves their public pages and the choice for others.
 */
export function createFunctionCatalogue(db: Db) {
  async function catalogue(actor: Actor) {
    const includeArchived = isPlatformAdmin(actor);
    const [rows, counts] = await Promise.all([repo.functions(db, includeArchived), stationCounts(db)]);
    return { items: rows.map((f) => toFunction(f, counts.get(f.id) ?? 0)) };
  }

  function requireAdmin(actor: Actor) {
    if (!isPlatformAdmin(actor)) throw new AppError('forbidden');
  }

  async function createFunction(actor: Actor, input: z.infer<typeof createFunctionSchema>) {
    requireAdmin(actor);
    await db.transaction(async (tx) => {
      // An id is how stations refer to a function: a taken one (even retired) is said so beside the field.
      const inserted = await tx.insert(stationFunctions).values(input).onConflictDoNothing().returning({ id: stationFunctions.id });
      if (!inserted.length) throw invalidField('id', 'custom', 'function_id_taken');
      await recordAudit(tx, actor, {
        action: 'station_function.create',
        entity: 'station_function',
        details: { id: input.id, name: input.name },
      });
    });
    return toFunction((await db.query.stationFunctions.findFirst({ where: eq(stationFunctions.id, input.id) }))!, 0);
  }

  async function updateFunction(actor: Actor, id: string, patch: z.infer<typeof updateFunctionSchema>) {
    requireAdmin(actor);
    const { archived, ...rest } = patch;
    const updated = await db.transaction(async (tx) => {
      const rows = await tx
        .update(stationFunctions)
        .set({ ...rest, ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }) })
        .where(eq(stationFunctions.id, id))
        .returning();
      if (rows.length)
        await recordAudit(tx, actor, { action: 'station_function.update', entity: 'station_function', details: { id, ...patch } });
      return rows[0];
    });
    if (!updated) throw new AppError('not_found');
    return toFunction(updated, (await stationCounts(db, id)).get(id) ?? 0);
  }

  return { catalogue, createFunction, updateFunction };
}
