import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { careRecipients } from '../../db/schema/index.js';
import { scopeOf, type Actor } from '../../platform/access.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { dueOf, shownName } from './care.access.js';
import { careRepository as repo } from './care.repository.js';

/** Anyone who may log visits at all (volunteers, station heads, branch secretaries); pairing decides for whom. */
export function requireVolunteer(actor: Actor) {
  const scope = scopeOf(actor, 'care.visit');
  if (scope !== 'all' && scope.length === 0) throw new AppError('forbidden');
}

/** A carrier's round: their recipients in their own order, with who is due today. */
export function createRouteService(db: Db, crypto: FieldCrypto) {
  /** Their own recipients in their order, then those they stand in for. */
  async function route(actor: Actor) {
    requireVolunteer(actor);
    if (!actor.personId) return { items: [] };
    const rows = await repo.recipientRows(
      db,
      and(
        eq(careRecipients.status, 'active'),
        or(eq(careRecipients.mainVolunteerId, actor.personId), eq(careRecipients.backupVolunteerId, actor.personId)),
      ),
      1,
      500,
    );
    // Every one of them is paired with the actor, so in clear; decided by the one rule all the same.
    const items = rows.map((row) => {
      const { r } = row;
      return {
        id: r.id,
        name: shownName(crypto, actor, row),
        orgName: row.orgName,
        addressMasked: r.addressMasked,
        role: r.mainVolunteerId === actor.personId ? ('main' as const) : ('backup' as const),
        frequency: r.frequency as 'daily',
        extraItems: r.extraItems,
        helpWanted: r.helpWanted,
        lastVisitAt: r.lastVisitAt?.toISOString() ?? null,
        position: r.routePosition,
        ...dueOf(r),
      };
    });
    items.sort((a, b) => (a.role === b.role ? a.position - b.position : a.role === 'main' ? -1 : 1));
    return { items: items.map(({ position: _p, ...rest }) => rest) };
  }

  /** Reorders the volunteer's own round; ids that are not theirs are ignored. */
  async function reorder(actor: Actor, ids: string[]) {
    requireVolunteer(actor);
    if (actor.personId && ids.length) {
      const values = sql.join(
        ids.map((id, i) => sql`(${id}::uuid, ${i}::int)`),
        sql`, `,
      );
      await db.execute(sql`update care_recipients r set route_position = v.pos, updated_at = now()
        from (values ${values}) as v(id, pos) where r.id = v.id and r.main_volunteer_id = ${actor.personId}`);
    }
    return route(actor);
  }

  return { route, reorder };
}
