import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import type { Notifier } from '../../platform/notify.js';

/** How long before an agreement's period ends its keepers are reminded to renew it or let it end. */
export const REMIND_DAYS_BEFORE_END = 30;

interface Due {
  account_id: string;
  partnership_id: string;
  title: string;
  ends_on: string;
  org_id: string;
  name: string;
  phone_enc: string;
}

/**
 * Reminds the secretaries of the unit that keeps an agreement (and of the units above it) once, by
 * text message, when its period ends within REMIND_DAYS_BEFORE_END days and it has not been renewed.
 * Safe to run on every instance and as often as wanted: each reminder has its own dedupe key.
 */
export async function remindEndingAgreements(db: Db, crypto: FieldCrypto, notifier: Notifier, today = new Date()) {
  const day = new Date(today.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const result = await db.execute(sql`
    select distinct a.id as account_id, p.id as partnership_id, p.title, p.ends_on::text as ends_on, p.org_id, pe.name, pe.phone_enc
      from partnerships p
      join orgs o on o.id = p.org_id
      join grants g on g.role in ('branch_secretary', 'committee_officer')
      join orgs go on go.id = g.org_id and o.path like go.path || '%'
      join accounts a on a.id = g.account_id and a.disabled_at is null
      join persons pe on pe.id = a.person_id and pe.phone_enc is not null
     where p.archived_at is null
       and p.ends_on between ${day}::date and ${day}::date + ${REMIND_DAYS_BEFORE_END}::int
       and not exists (select 1 from partnerships r where r.renewed_from_id = p.id)`);
  const due = (result as unknown as { rows: Due[] }).rows;
  if (!due.length) return 0;
  await db.transaction((tx) =>
    notifier.enqueue(
      tx,
      due.map((d) => ({
        kind: 'partnership.ending',
        channel: 'webhook' as const,
        to: crypto.decrypt(d.phone_enc),
        toName: d.name,
        subject: `共建协议「${d.title}」将于 ${d.ends_on} 到期`,
        body: `${d.name}您好，共建协议「${d.title}」将于 ${d.ends_on} 到期，请及时商议续签或办理到期。`,
        link: `/partnerships/${d.partnership_id}`,
        orgId: d.org_id,
        refType: 'partnership',
        refId: d.partnership_id,
        dedupeKey: `partnership.ending:${d.partnership_id}:${d.ends_on}:${d.account_id}`,
      })),
    ),
  );
  return due.length;
}
