import { and, eq, sql } from 'drizzle-orm';
import { CARE_INTERVAL_DAYS, type createRecipientSchema, type recipientListQuerySchema } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { careConsents, careContacts, careRecipients, orgs, persons } from '../../db/schema/index.js';
import { inScope, requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { maskAddress, maskName, maskPhone, randomToken, sealed, type FieldCrypto } from '../../platform/crypto.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { escapeLike } from '../../platform/sql.js';
import { orgsRepository } from '../orgs/orgs.repository.js';
import { dueOf, isPaired, loadRecipient, mayReveal, requireSee, shownName, type RecipientRow } from './care.access.js';
import { careRepository as repo, graceDays } from './care.repository.js';
import { nameAsShown, sealFamily, sealNeighbour } from './contacts.js';
import { createConsentService } from './consent.service.js';
import { createHistoryService } from './history.service.js';
import { createNeighboursService } from './neighbours.service.js';
import { createPlanService } from './plan.service.js';
import { createPrivacyService } from './privacy.service.js';

const DAY = 86_400_000;
type Contact = typeof careContacts.$inferSelect;
type Consent = typeof careConsents.$inferSelect;

/** Care recipients: enrolment with consent, pairing, privacy (reveal, export, withdrawal, deletion). */
export function createRecipientsService(db: Db, crypto: FieldCrypto) {
  /**
   * The recipient's own name as `shownName` rules for this reader, in lists too. `openFamily`: the family contacts'
   * names in clear, on one recipient's page for those who may see their address too; lists, and everyone else, get
   * them masked, as neighbours' names always are.
   */
  function toRecipient(actor: Actor, row: RecipientRow, contacts: Contact[], consents: Consent[], openFamily: boolean) {
    const { r } = row;
    const consent = consents.find((c) => c.recipientId === r.id) ?? null;
    const { dueAt, overdue } = dueOf(r);
    return {
      id: r.id,
      orgId: r.orgId,
      orgName: row.orgName,
      status: r.status as 'active' | 'withdrawn',
      name: shownName(crypto, actor, row),
      phoneMasked: r.phoneMasked,
      addressMasked: r.addressMasked,
      hasHealthNotes: r.healthNotesEnc !== null,
      circumstances: r.circumstances,
      frequency: r.frequency as 'daily',
      helpWanted: r.helpWanted,
      extraItems: r.extraItems,
      mainVolunteer: r.mainVolunteerId ? { id: r.mainVolunteerId, name: row.mainName ?? '' } : null,
      backupVolunteer: r.backupVolunteerId ? { id: r.backupVolunteerId, name: row.backupName ?? '' } : null,
      lastVisitAt: r.lastVisitAt?.toISOString() ?? null,
      dueAt,
      overdue: r.status === 'active' && overdue,
      visitCount: r.visitCount,
      contacts: contacts
        .filter((c) => c.recipientId === r.id)
        .map((c) => ({
          id: c.id,
          kind: c.kind as 'family',
          // Masked like the address (rows from before names were encrypted are masked here).
          name: nameAsShown(crypto, c.name, c.nameEnc, openFamily && c.kind === 'family'),
          relation: c.relation,
          channel: c.channel as 'email',
          addressMasked: c.addressMasked,
          shares: c.shares as 'summary',
        })),
      consent: consent && {
        // Shown in clear where family names are (a proxy is usually one of them), masked elsewhere.
        givenBy: nameAsShown(crypto, consent.givenBy, consent.givenByEnc, openFamily),
        byProxy: consent.byProxy,
        proxyRelation: consent.proxyRelation,
        purposes: consent.purposes,
        givenAt: consent.givenAt.toISOString(),
        withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
      },
      createdAt: r.createdAt.toISOString(),
    };
  }

  async function withDetails(actor: Actor, rows: RecipientRow[], openFamily = false) {
    const ids = rows.map((x) => x.r.id);
    const [contacts, consents] = await Promise.all([repo.contactsOf(db, ids), repo.consentsOf(db, ids)]);
    return rows.map((row) => toRecipient(actor, row, contacts, consents, openFamily));
  }

  async function get(actor: Actor, id: string) {
    const row = await loadRecipient(db, id);
    requireSee(actor, row);
    return (await withDetails(actor, [row], mayReveal(actor, row)))[0]!;
  }

  async function list(actor: Actor, q: z.infer<typeof recipientListQuerySchema>) {
    const scope = scopeOf(actor, 'care.read');
    const pathPrefix = q.orgId ? (await orgsRepository.findById(db, q.orgId))?.path : undefined;
    if (q.orgId) requireAccess(actor, 'care.read', pathPrefix);
    const where = and(
      inScope(sql`orgs.path`, scope),
      pathPrefix ? sql`orgs.path like ${pathPrefix + '%'}` : undefined,
      q.status ? eq(careRecipients.status, q.status) : undefined,
    );
    const [rows, total] = await Promise.all([repo.recipientRows(db, where, q.page, q.pageSize), repo.countRecipients(db, where)]);
    return { items: await withDetails(actor, rows), total, page: q.page, pageSize: q.pageSize };
  }

  const plan = createPlanService(db, get);

  async function create(actor: Actor, input: z.infer<typeof createRecipientSchema>) {
    const org = await orgsRepository.findById(db, input.orgId);
    requireAccess(actor, 'care.manage', org?.path);
    if (org!.kind !== 'grid') throw invalidField('orgId', 'custom', 'not_a_grid');
    await plan.checkVolunteers(input.mainVolunteerId, input.backupVolunteerId);
    const id = uuidv7();
    const intervalDays = CARE_INTERVAL_DAYS[input.frequency];
    const now = new Date();
    await db.transaction(async (tx) => {
      await tx.insert(careRecipients).values({
        id,
        orgId: org!.id,
        nameEnc: crypto.encrypt(input.name),
        nameMasked: maskName(input.name),
        phoneEnc: input.phone ? crypto.encrypt(input.phone) : null,
        phoneMasked: input.phone ? maskPhone(input.phone) : null,
        addressEnc: crypto.encrypt(input.address),
        addressMasked: maskAddress(input.address),
        healthNotesEnc: input.healthNotes ? crypto.encrypt(input.healthNotes) : null,
        circumstances: input.circumstances,
        frequency: input.frequency,
        intervalDays,
        helpWanted: input.helpWanted,
        extraItems: input.extraItems,
        mainVolunteerId: input.mainVolunteerId ?? null,
        backupVolunteerId: input.backupVolunteerId ?? null,
        routePosition: Math.floor(now.getTime() / 1000),
        // A new plan is due at once; it is missed after one interval and the grace without a first visit.
        missedAfter: new Date(now.getTime() + (intervalDays + graceDays(intervalDays)) * DAY),
        createdBy: actor.accountId,
        createdAt: now,
      });
      const family = input.family.map((c, i) => ({
        kind: 'family',
        position: i + 1,
        relation: c.relation,
        ...sealFamily(crypto, c, randomToken()),
      }));
      const neighbours = input.neighbours.map((n, i) => ({
        kind: 'neighbour',
        position: i + 1,
        relation: n.relation,
        ...sealNeighbour(crypto, n),
      }));
      const contacts = [...family, ...neighbours];
      if (contacts.length) await tx.insert(careContacts).values(contacts.map((c) => ({ id: uuidv7(), recipientId: id, ...c })));
      const givenBy = sealed(crypto, input.consent.givenBy);
      await tx.insert(careConsents).values({
        id: uuidv7(),
        recipientId: id,
        givenBy: givenBy.masked,
        givenByEnc: givenBy.enc,
        byProxy: input.consent.byProxy,
        proxyRelation: input.consent.proxyRelation ?? null,
        purposes: input.consent.purposes,
        givenAt: input.consent.givenAt ? new Date(input.consent.givenAt) : now,
        recordedBy: actor.accountId,
      });
      await recordAudit(tx, actor, {
        action: 'care.recipient_create',
        entity: 'care_recipient',
        entityId: id,
        org: org!,
        details: { byProxy: input.consent.byProxy, purposes: input.consent.purposes },
      });
    });
    return get(actor, id);
  }

  /** The address, phone and health notes in clear: only for those who need them, and every look is written down. */
  async function reveal(actor: Actor, id: string) {
    const row = await loadRecipient(db, id);
    requireSee(actor, row);
    if (!mayReveal(actor, row)) throw new AppError('forbidden');
    const { r } = row;
    await recordAudit(db, actor, {
      action: 'care.reveal',
      entity: 'care_recipient',
      entityId: id,
      org: { id: r.orgId, path: row.orgPath },
      details: { fields: ['address', 'phone', 'healthNotes'], paired: isPaired(actor, r) },
    });
    const open = (v: string | null) => (v ? crypto.decrypt(v) : null);
    return { phone: open(r.phoneEnc), address: open(r.addressEnc), healthNotes: open(r.healthNotesEnc) };
  }

  /** Carriers a coordinator may pair: volunteers by name, with their unit; names only, nothing personal. */
  async function volunteers(actor: Actor, q: string) {
    const scope = scopeOf(actor, 'care.manage');
    if (scope !== 'all' && scope.length === 0) throw new AppError('forbidden');
    const rows = await db
      .select({ id: persons.id, name: persons.name, orgName: orgs.name })
      .from(persons)
      .innerJoin(orgs, eq(orgs.id, persons.orgId))
      .where(
        and(
          sql`${persons.kinds} @> array['volunteer']`,
          sql`${persons.archivedAt} is null`,
          q ? sql`${persons.name} ilike ${'%' + escapeLike(q) + '%'}` : undefined,
        ),
      )
      .orderBy(persons.name)
      .limit(20);
    return { items: rows };
  }

  return {
    get,
    list,
    create,
    reveal,
    volunteers,
    setPairing: plan.setPairing,
    setPlan: plan.setPlan,
    ...createNeighboursService(db, crypto, get),
    ...createConsentService(db, crypto, get),
    ...createHistoryService(db, crypto),
    ...createPrivacyService(db, crypto, get),
  };
}

export type RecipientsService = ReturnType<typeof createRecipientsService>;
