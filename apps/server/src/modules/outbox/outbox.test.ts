import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, outboxMessages } from '../../db/schema/index.js';
import { createDelivery } from '../../platform/notify-delivery.js';
import { sealNames, withName } from '../../platform/notify.js';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeTwoCities, TEST_PASSWORD, unique } from '../../test/factories.js';
import { enrol, makeCareWorld, recipientInput, visitPayload, type CareWorld } from '../care/care.fixtures.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let care: CareWorld;
let secretary: Client, volunteer: Client, cfSecretary: Client, admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  care = await makeCareWorld(t);
  const cf = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  [secretary, volunteer, cfSecretary, admin] = await signInAll(
    t.app,
    [w.czSecretary.login, w.czVolunteer.login, cf.login, w.admin.login],
    TEST_PASSWORD,
  );
});
afterAll(() => t.close());

async function failedMessage(orgId: string | null) {
  const subject = unique('探访报告');
  await t.services.notifier.enqueue(t.database.db, [
    {
      kind: 'care.visit_report',
      channel: 'webhook',
      to: '13912345678',
      toName: '李先生',
      subject,
      body: '李先生您好：今日探访一切正常',
      orgId,
    },
  ]);
  const row = (await t.database.db.query.outboxMessages.findFirst({ where: eq(outboxMessages.subject, subject) }))!;
  await t.database.db
    .update(outboxMessages)
    .set({ status: 'failed', attempts: 6, lastError: 'webhook answered 502' })
    .where(eq(outboxMessages.id, row.id));
  return row.id;
}

it('shows the subtree’s messages with the recipient masked, to those who may read the outbox', async () => {
  const id = await failedMessage(w.czBranch.id);
  const page = await secretary.inject({ method: 'GET', url: '/api/outbox' });
  expect(page.statusCode).toBe(200);
  const item = page.json().items.find((m: { id: string }) => m.id === id);
  expect(item).toMatchObject({
    recipientMasked: '139****5678',
    recipientNameMasked: '李**',
    body: '李**您好：今日探访一切正常',
    status: 'failed',
    attempts: 6,
    lastError: 'webhook answered 502',
  });
  expect(page.body).not.toContain('13912345678');
  expect(page.body).not.toContain('李先生');
  expect(page.json().demo).toBe(false);
  expect((await cfSecretary.inject({ method: 'GET', url: '/api/outbox' })).json().items.map((m: { id: string }) => m.id)).not.toContain(id);
  expect((await volunteer.inject({ method: 'GET', url: '/api/outbox' })).statusCode).toBe(403);
});

it('a failed message is put back once however many press retry; another city cannot; it is then sent', async () => {
  const id = await failedMessage(w.czBranch.id);
  expect((await cfSecretary.inject({ method: 'POST', url: `/api/outbox/${id}/retry` })).statusCode).toBe(404);
  const presses = await Promise.all([1, 2, 3].map(() => secretary.inject({ method: 'POST', url: `/api/outbox/${id}/retry` })));
  expect(presses.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  expect(presses.find((r) => r.statusCode === 200)!.json()).toMatchObject({ status: 'pending', attempts: 0 });
  expect(await t.database.db.query.auditLog.findMany({ where: eq(auditLog.action, 'outbox.retry') })).toHaveLength(1);
  // No transport here: the delivery job holds it rather than dropping it.
  await createDelivery(t.database.db, t.services.crypto, {}).runOnce();
  expect((await t.database.db.query.outboxMessages.findFirst({ where: eq(outboxMessages.id, id) }))!.status).toBe('held');
});

it('with a gateway, the abandoned message is delivered by the next instance', async () => {
  const { createServer } = await import('node:http');
  let received = 0;
  const server = createServer((req, res) => {
    received++;
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const id = await failedMessage(w.czBranch.id);
    await t.database.db.execute(
      sql`update outbox_messages set status = 'sending', attempts = 1, next_attempt_at = now() - interval '1 second' where id = ${id}`,
    );
    const port = (server.address() as { port: number }).port;
    await createDelivery(t.database.db, t.services.crypto, {
      webhookUrl: `http://127.0.0.1:${port}/`,
      webhookSecret: 'x'.repeat(20),
    }).runOnce();
    expect(await t.database.db.query.outboxMessages.findFirst({ where: eq(outboxMessages.id, id) })).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
    expect(received).toBeGreaterThanOrEqual(1);
  } finally {
    server.close();
  }
});

it('messages of no organisation are the platform admin’s alone', async () => {
  const id = await failedMessage(null);
  expect((await secretary.inject({ method: 'POST', url: `/api/outbox/${id}/retry` })).statusCode).toBe(404);
  expect((await admin.inject({ method: 'GET', url: '/api/outbox?status=failed' })).json().items.map((m: { id: string }) => m.id)).toContain(
    id,
  );
  expect((await admin.inject({ method: 'POST', url: `/api/outbox/${id}/retry` })).statusCode).toBe(200);
});

it('a message left "sending" by an instance that died is sent again once its lease runs out', async () => {
  const id = await failedMessage(w.czBranch.id);
  await t.database.db.execute(
    sql`update outbox_messages set status = 'sending', attempts = 1, next_attempt_at = now() - interval '1 second' where id = ${id}`,
  );
  await createDelivery(t.database.db, t.services.crypto, {}).runOnce();
  expect((await t.database.db.query.outboxMessages.findFirst({ where: eq(outboxMessages.id, id) }))!.status).toBe('held');
});

/** Every message the outbox holds about one care recipient, as stored. */
const storedAbout = async (recipientId: string) =>
  (await t.database.db.execute(sql`select * from outbox_messages where ref_id = ${recipientId}`)) as unknown as {
    rows: Record<string, unknown>[];
  };

// The care fixtures' family contacts, trusted neighbour and staff, who all get messages about an urgent visit.
const CLEAR_NAMES = /王小明|王小红|刘阿姨|周书记|陈网格/;

it('a family contact’s name is only masked on the outbox page, and nowhere in clear in the outbox row', async () => {
  const { id } = await enrol(care.partner.client, recipientInput(care, { name: '钱阿婆' }));
  await care.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id, { concern: 'urgent' }) });

  const page = await care.partner.client.inject({ method: 'GET', url: `/api/outbox?refId=${id}&pageSize=200` });
  expect(page.statusCode).toBe(200);
  const items = page.json().items as { kind: string; recipientNameMasked: string; recipientMasked: string; body: string }[];
  const toFamily = items.filter((m) => m.recipientMasked === '139****4321');
  expect(toFamily.map((m) => m.kind).sort()).toEqual(['care.alert', 'care.visit_report']);
  for (const m of toFamily) {
    expect(m.recipientNameMasked).toBe('王**');
    expect(m.body).toMatch(/^王\*\*您好：/);
  }
  expect(page.body).not.toMatch(CLEAR_NAMES);

  const { rows } = await storedAbout(id);
  expect(rows.length).toBeGreaterThanOrEqual(items.length);
  expect(rows.every((r) => !('recipient_name' in r))).toBe(true);
  expect(JSON.stringify(rows)).not.toMatch(CLEAR_NAMES);
});

it('the elder a message is about is masked for an outbox reader who may not reveal them, in clear for one who may', async () => {
  const { id } = await enrol(care.partner.client, recipientInput(care, { name: '张桂英' }));
  await care.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id, { concern: 'urgent' }) });
  // A branch secretary granted over the community: reads its outbox, but has no care.reveal and is not paired.
  const account = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: care.community.id }]);
  const [noReveal] = await signInAll(t.app, [account.login], TEST_PASSWORD);
  const seen = async (client: Client) => {
    const res = await client.inject({ method: 'GET', url: `/api/outbox?refId=${id}&pageSize=200` });
    expect(res.statusCode).toBe(200);
    return res.json().items as { id: string; subject: string; body: string }[];
  };

  const masked = await seen(noReveal);
  expect(masked.map((m) => m.subject)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^张\*\*的探访报告（/),
      '【关爱提醒】张**需要关注',
      '【关爱提醒】请帮忙看看张**',
      expect.stringMatching(/^【关爱提醒·紧急】.* 张\*\*$/),
    ]),
  );
  expect(masked.find((m) => m.subject.includes('探访报告'))!.body).toMatch(/探访了张\*\*，/);
  expect(JSON.stringify(masked)).not.toContain('张桂英');
  expect(JSON.stringify(masked)).not.toContain('{{');

  // The community partner may reveal the elder (care.reveal over the grid): the same messages, the name in clear.
  const clear = await seen(care.partner.client);
  expect(clear.map((m) => m.id).sort()).toEqual(masked.map((m) => m.id).sort());
  for (const m of clear) {
    const other = masked.find((x) => x.id === m.id)!;
    expect(m.subject).toBe(other.subject.replaceAll('张**', '张桂英'));
    expect(m.body).toBe(other.body.replaceAll('张**', '张桂英'));
  }
  expect(JSON.stringify(clear)).toContain('【关爱提醒】张桂英需要关注');
  // Shown as the recipient page shows it, without an audit entry: care audits revealing address, phone and health notes.
  expect(await t.database.db.query.auditLog.findMany({ where: eq(auditLog.entityId, id) })).not.toContainEqual(
    expect.objectContaining({ action: 'care.reveal' }),
  );

  // The stored rows hold the slot, the name masked and encrypted, and nowhere in clear.
  const { rows } = await storedAbout(id);
  expect(rows.length).toBe(clear.length);
  expect(JSON.stringify(rows)).not.toContain('张桂英');
  for (const r of rows) {
    expect(r.about_name_masked).toBe('张**');
    expect(t.services.crypto.decrypt(r.about_name_enc as string)).toBe('张桂英');
    expect(`${r.subject as string}${r.body as string}`).toContain('{{aboutName}}');
  }
});

it('sealed texts come back byte for byte with the clear names, whichever name holds the other', () => {
  const pairs: [string | null, string | null][] = [
    ['王小明', '张桂英'],
    ['张三丰', '张三'],
    ['张三', '张三丰'],
    [null, '张桂英'],
    ['王小明', null],
  ];
  for (const [toName, aboutName] of pairs) {
    const text = {
      subject: `${aboutName ?? ''}的探访报告`,
      body: `${toName ?? ''}您好：李建国探访了${aboutName ?? ''}，张三丰与张三都好。`,
    };
    const sealed = sealNames(t.services.crypto, { toName, aboutName }, text);
    expect(withName(sealed.subject, toName, aboutName)).toBe(text.subject);
    expect(withName(sealed.body, toName, aboutName)).toBe(text.body);
    const shown = withName(sealed.subject + sealed.body, sealed.recipientNameMasked, sealed.aboutNameMasked);
    for (const name of [toName, aboutName]) if (name) expect(shown + sealed.subject + sealed.body, name).not.toContain(name);
  }
});

it('delivery still addresses the family contact by name', async () => {
  const { createServer } = await import('node:http');
  const received: { id: string; to: string; toName: string | null; subject: string; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { id } = await enrol(care.partner.client, recipientInput(care, { name: '孔阿婆' }));
    await care.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id, { concern: 'urgent' }) });
    const port = (server.address() as { port: number }).port;
    await createDelivery(t.database.db, t.services.crypto, {
      webhookUrl: `http://127.0.0.1:${port}/`,
      webhookSecret: 'x'.repeat(20),
    }).runOnce();
    // Only this elder's messages (earlier tests' messages go out in the same run). 王小红 is the contact on the SMS
    // gateway; 刘阿姨 the trusted neighbour.
    const ours = new Set((await storedAbout(id)).rows.map((r) => r.id));
    const sent = received.filter((m) => ours.has(m.id));
    const toDaughter = sent.filter((m) => m.to === '13987654321');
    expect(toDaughter.length).toBeGreaterThanOrEqual(1);
    for (const m of toDaughter) {
      expect(m.toName).toBe('王小红');
      expect(m.body).toMatch(/^王小红您好：/);
    }
    // The elder, too, is named in clear in what is sent, as the care module wrote it.
    expect(toDaughter.map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^孔阿婆的探访报告（/), '【关爱提醒】孔阿婆需要关注']),
    );
    expect(toDaughter.find((m) => m.subject.includes('探访报告'))!.body).toMatch(/^王小红您好：李建国于.*探访了孔阿婆，/);
    expect(sent.find((m) => m.to === '13700001111')).toMatchObject({
      toName: '刘阿姨',
      subject: '【关爱提醒】请帮忙看看孔阿婆',
      body: expect.stringMatching(/^刘阿姨您好：您是孔阿婆登记的信任邻居。/),
    });
    expect(sent.filter((m) => m.subject.startsWith('【关爱提醒·') && m.subject.endsWith(' 孔阿婆')).length).toBeGreaterThanOrEqual(1);
    // Sending decrypted the names for the gateway only: the rows still hold none in clear.
    expect(JSON.stringify((await storedAbout(id)).rows)).not.toMatch(CLEAR_NAMES);
    expect(JSON.stringify((await storedAbout(id)).rows)).not.toContain('孔阿婆');
  } finally {
    server.close();
  }
});
