import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, outboxMessages } from '../../db/schema/index.js';
import { createDelivery } from '../../platform/notify-delivery.js';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeTwoCities, TEST_PASSWORD, unique } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let secretary: Client, volunteer: Client, cfSecretary: Client, admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
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
    { kind: 'care.visit_report', channel: 'webhook', to: '13912345678', toName: '李先生', subject, body: '今日探访一切正常', orgId },
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
    recipientName: '李先生',
    status: 'failed',
    attempts: 6,
    lastError: 'webhook answered 502',
  });
  expect(page.body).not.toContain('13912345678');
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
