import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs, timestamps } from './orgs.js';

/**
 * The directory of persons. Phone, ID number and address are stored encrypted (`*_enc`),
 * with an HMAC blind index (`*_bidx`) for exact look-up and a masked copy for lists.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    gender: text('gender'),
    kinds: text('kinds').array().notNull(),
    partyJoinDate: date('party_join_date'),
    partyBranchId: uuid('party_branch_id').references(() => orgs.id, { onDelete: 'restrict' }),
    phoneEnc: text('phone_enc'),
    phoneBidx: text('phone_bidx'),
    phoneMasked: text('phone_masked'),
    idNumberEnc: text('id_number_enc'),
    idNumberBidx: text('id_number_bidx'),
    idNumberMasked: text('id_number_masked'),
    addressEnc: text('address_enc'),
    addressMasked: text('address_masked'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('persons_org').on(t.orgId),
    index('persons_name').on(t.name),
    index('persons_phone_bidx').on(t.phoneBidx),
    index('persons_id_number_bidx').on(t.idNumberBidx),
  ],
);
