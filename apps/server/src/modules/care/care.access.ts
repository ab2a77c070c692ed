import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { careRecipients } from '../../db/schema/index.js';
import { can, requireAccess, type Actor } from '../../platform/access.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { careRepository as repo } from './care.repository.js';
import { opened } from './contacts.js';

export type RecipientRow = Awaited<ReturnType<typeof repo.recipientRows>>[number];

export async function loadRecipient(db: Executor, id: string): Promise<RecipientRow | undefined> {
  const [row] = await repo.recipientRows(db, eq(careRecipients.id, id));
  return row;
}

/** The main and the backup volunteer: the people who actually go to the door. */
export function isPaired(actor: Actor, r: { mainVolunteerId: string | null; backupVolunteerId: string | null }): boolean {
  return actor.personId !== null && (r.mainVolunteerId === actor.personId || r.backupVolunteerId === actor.personId);
}

/** Seeing that a recipient exists: their paired volunteers, and whoever holds care rights over their grid. Others get a 404. */
export function requireSee(actor: Actor, row: RecipientRow | undefined): asserts row is RecipientRow {
  if (!row) throw new AppError('not_found');
  if (isPaired(actor, row.r)) return;
  requireAccess(actor, 'care.read', row.orgPath);
}

/**
 * What deciding a reveal needs: who is paired with the recipient and where their grid sits in the tree. A whole
 * RecipientRow has it; so can a row of another page that names them (an alert, a wristband).
 */
export interface RevealFacts {
  r: { mainVolunteerId: string | null; backupVolunteerId: string | null };
  orgPath: string;
}

/**
 * Address, health notes and the elder's name in clear: paired volunteers, and the coordinators and community
 * partners of the grid (care.reveal). Everyone else who may see the recipient sees them masked.
 */
export function mayReveal(actor: Actor, row: RevealFacts): boolean {
  return isPaired(actor, row.r) || can(actor, 'care.reveal', row.orgPath);
}

/**
 * Of these recipients, those the actor may reveal (mayReveal), in one query: for a page of rows that name them, such as
 * the outbox's messages about them. Recipients that no longer exist are not among them.
 */
export async function revealableAmong(db: Executor, actor: Actor, ids: string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Set();
  const rows = await repo.recipientRows(db, inArray(careRecipients.id, unique), 1, unique.length);
  return new Set(rows.filter((row) => mayReveal(actor, row)).map((row) => row.r.id));
}

type Named = RevealFacts & { r: { nameEnc: string | null; nameMasked: string } };

/**
 * The elder's name on any page or answer a staff reader gets: in clear only to those `mayReveal` allows (minimum
 * necessary), masked (张**) to everyone else who may see the recipient. One rule for every page that names them.
 * Not audited: listing names to those who may reveal them is not a reveal; opening the address is.
 */
export function shownName(crypto: FieldCrypto, actor: Actor, row: Named): string {
  return mayReveal(actor, row) ? clearName(crypto, row.r) : row.r.nameMasked;
}

/**
 * The name in clear, for text the server sends to the people it tells (the family's report and page, the alert's
 * messages, stored sealed in the outbox). Never for a staff reader's page: that is `shownName`.
 */
export const clearName = (crypto: FieldCrypto, r: { nameEnc: string | null; nameMasked: string }) =>
  opened(crypto, r.nameMasked, r.nameEnc);

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

/** When the next visit is due, and whether that is today (Asia/Shanghai) or already past. */
export function dueOf(r: { lastVisitAt: Date | null; createdAt: Date; intervalDays: number }, now = Date.now()) {
  const due = r.lastVisitAt ? r.lastVisitAt.getTime() + r.intervalDays * DAY : r.createdAt.getTime();
  const startOfToday = Math.floor((now + SHANGHAI) / DAY) * DAY - SHANGHAI;
  return { dueAt: new Date(due).toISOString(), dueToday: due < startOfToday + DAY, overdue: due < startOfToday };
}
