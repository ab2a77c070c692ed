import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from '../../platform/ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, persons } from '../../db/schema/index.js';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { sealPersonalData } from '../people/person-secrets.js';
import { remindEndingAgreements } from './reminders.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let czSecretary: Client;

/** Gives an account a person with a phone, as a real secretary has. */
async function withPhone(account: { id: string }, orgId: string, name: string, phone: string) {
  const id = uuidv7();
  await t.database.db.insert(persons).values({ id, orgId, name, kinds: ['member'], ...sealPersonalData(t.services.crypto, { phone }) });
  await t.database.db.update(accounts).set({ personId: id }).where(eq(accounts.id, account.id));
}

const shanghaiDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  await withPhone(w.czSecretary, w.czBranch.id, '张书记', '13900001111');
  await withPhone(w.czOfficer, w.changzhou.id, '李委员', '13900002222');
  [czSecretary] = await signInAll(t.app, [w.czSecretary.login], TEST_PASSWORD);
});
afterAll(() => t.close());

async function agreement(title: string, endsInDays: number) {
  const community = await makeOrg(t.database.db, 'community', null, `${title}社区`);
  const res = await czSecretary.inject({
    method: 'POST',
    url: '/api/partnerships',
    payload: {
      orgId: w.czBranch.id,
      title,
      startsOn: shanghaiDay(-300),
      endsOn: shanghaiDay(endsInDays),
      memberIds: [community.id],
      goals: [],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string };
}

const reminders = async () =>
  (
    (await t.database.db.execute(
      sql`select recipient_masked, subject, ref_id from outbox_messages where kind = 'partnership.ending' order by recipient_masked`,
    )) as unknown as { rows: { recipient_masked: string; subject: string; ref_id: string }[] }
  ).rows;

describe('reminders before an agreement ends', () => {
  it('reach the secretaries of its unit and above once, and only for agreements ending soon and not renewed', async () => {
    const soon = await agreement('邮政-五星共建', 20);
    await agreement('邮政-红梅共建', 90);
    const renewed = await agreement('邮政-花园共建', 10);
    const renewal = await czSecretary.inject({
      method: 'POST',
      url: `/api/partnerships/${renewed.id}/renew`,
      payload: { startsOn: shanghaiDay(11), endsOn: shanghaiDay(400) },
    });
    expect(renewal.statusCode, renewal.body).toBe(200);

    await remindEndingAgreements(t.database.db, t.services.crypto, t.services.notifier);
    await remindEndingAgreements(t.database.db, t.services.crypto, t.services.notifier);
    const sent = await reminders();
    expect(sent.map((r) => [r.recipient_masked, r.ref_id])).toEqual([
      ['139****1111', soon.id],
      ['139****2222', soon.id],
    ]);
    expect(sent[0]!.subject).toBe(`共建协议「邮政-五星共建」将于 ${shanghaiDay(20)} 到期`);
  });
});
