import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { careContacts, careRecipients, careVisits, orgs, persons } from '../../db/schema/index.js';
import { sha256, type FieldCrypto } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import type { OutgoingMessage } from '../../platform/notify.js';
import { clearName } from './care.access.js';
import { opened } from './contacts.js';

/** The family page's private address for each family contact, in the order familyContactsOf lists them. */
export async function familyLinks(tx: Executor, crypto: FieldCrypto, recipientId: string): Promise<string[]> {
  const rows = await tx
    .select({ tokenEnc: careContacts.tokenEnc })
    .from(careContacts)
    .where(and(eq(careContacts.recipientId, recipientId), eq(careContacts.kind, 'family')))
    .orderBy(asc(careContacts.position));
  return rows.map((r) => (r.tokenEnc ? `/f/${crypto.decrypt(r.tokenEnc)}` : ''));
}

const HELP_WORDS: Record<string, string> = {
  cleaning: '打扫卫生',
  shopping: '代购日用品',
  postal_errands: '代办邮政业务',
  utility_repair: '水电维修',
  mailbox_lock: '信报箱锁修理',
  haircut: '上门理发',
  visit_for_children: '代亲探望',
  other: '其他帮助',
};
const PRESENCE_WORDS: Record<string, string> = {
  visited: '上门见到了老人',
  not_home_reached: '老人不在家，已电话联系上',
  not_home_unreachable: '老人不在家，也联系不上',
};
const CONCERN_WORDS: Record<string, string> = { none: '一切正常', watch: '有需要留意的情况', needs_help: '需要帮助', urgent: '情况紧急' };

const shanghaiTime = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);

/**
 * The short report each family contact gets after a visit: what happened, the help given and whether anything
 * worries the volunteer, never the note or health details; the checklist answers only if the family chose them.
 */
export function visitReports(
  crypto: FieldCrypto,
  contacts: (typeof careContacts.$inferSelect)[],
  visit: {
    id: string;
    recipientId: string;
    orgId: string;
    visitedAt: Date;
    presence: string;
    helpGiven: string[];
    concern: string;
    answers: Record<string, string>;
  },
  names: { recipient: string; volunteer: string | null },
): OutgoingMessage[] {
  const help = visit.helpGiven.map((h) => HELP_WORDS[h] ?? h).join('、');
  const concerns = Object.entries(visit.answers).filter(([, v]) => v === 'concern').length;
  return contacts
    .filter((c) => c.kind === 'family' && c.recipientId === visit.recipientId)
    .map((c) => {
      const name = opened(crypto, c.name, c.nameEnc);
      return {
        kind: 'care.visit_report',
        channel: c.channel as 'email' | 'webhook',
        to: crypto.decrypt(c.addressEnc),
        toName: name,
        // The outbox keeps the elder's name sealed too (a slot in the texts); the volunteer's is shown in care pages anyway.
        aboutName: names.recipient,
        subject: `${names.recipient}的探访报告（${shanghaiTime(visit.visitedAt)}）`,
        body: [
          `${name}您好：${names.volunteer ?? '志愿者'}于${shanghaiTime(visit.visitedAt)}探访了${names.recipient}，${PRESENCE_WORDS[visit.presence] ?? ''}。`,
          help ? `本次帮助：${help}。` : '',
          `总体：${CONCERN_WORDS[visit.concern] ?? ''}。`,
          c.shares === 'checklist' ? `关爱清单中${concerns ? `有 ${concerns} 项需要留意` : '各项正常'}。` : '',
        ].join(''),
        link: c.tokenEnc ? `/f/${crypto.decrypt(c.tokenEnc)}` : null,
        orgId: visit.orgId,
        refType: 'care_recipient',
        refId: visit.recipientId,
        dedupeKey: `care.visit_report:${visit.id}:${c.id}`,
      };
    });
}

/** The family's private page: recent visits of their relative, found by the long token of their link alone. */
export async function familyPage(db: Db, crypto: FieldCrypto, token: string) {
  const [row] = await db
    .select({ c: careContacts, r: careRecipients, orgName: orgs.name })
    .from(careContacts)
    .innerJoin(careRecipients, eq(careRecipients.id, careContacts.recipientId))
    .innerJoin(orgs, eq(orgs.id, careRecipients.orgId))
    .where(and(eq(careContacts.tokenHash, sha256(token)), eq(careRecipients.status, 'active')));
  if (!row) throw new AppError('not_found');
  const visits = await db
    .select({ v: careVisits, volunteerName: persons.name })
    .from(careVisits)
    .leftJoin(persons, eq(persons.id, careVisits.volunteerId))
    .where(eq(careVisits.recipientId, row.r.id))
    .orderBy(desc(careVisits.visitedAt))
    .limit(20);
  const checklist = row.c.shares === 'checklist';
  return {
    // The family's own page: they are told about their relative by name, as in the reports sent to them.
    recipientName: clearName(crypto, row.r),
    orgName: row.orgName,
    contactName: opened(crypto, row.c.name, row.c.nameEnc),
    shares: row.c.shares as 'summary' | 'checklist',
    visits: visits.map(({ v, volunteerName }) => ({
      visitedAt: v.visitedAt.toISOString(),
      // The carrier's surname (王师傅) is how a family knows who comes; their full name stays in the console.
      volunteerName: volunteerName ? volunteerName.slice(0, 1) + '师傅' : null,
      presence: v.presence as 'visited',
      helpGiven: v.helpGiven,
      concern: v.concern as 'none',
      answers: checklist ? v.answers : null,
    })),
  };
}

export function createFamilyService(db: Db, crypto: FieldCrypto) {
  return { page: (token: string) => familyPage(db, crypto, token) };
}
