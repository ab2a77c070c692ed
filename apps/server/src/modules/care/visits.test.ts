import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careVisits, outboxMessages, volunteerHours } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { enrol, makeCareWorld, recipientInput, visitPayload, type CareWorld } from './care.fixtures.js';

let t: TestApp;
let w: CareWorld;
let recipientId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCareWorld(t);
  recipientId = (await enrol(w.partner.client, recipientInput(w))).id;
});
afterAll(() => t.close());

const postVisit = (client: CareWorld['carrier']['client'], payload: object, headers: Record<string, string> = {}) =>
  client.inject({ method: 'POST', url: '/api/care/visits', payload, headers });

describe('logging a visit', () => {
  it('the route lists the paired recipient, due today; a visit is logged once however often it is sent', async () => {
    const route = (await w.carrier.client.inject({ method: 'GET', url: '/api/care/route' })).json();
    expect(route.items).toEqual([expect.objectContaining({ id: recipientId, name: '王秀兰', role: 'main', dueToday: true })]);
    expect((await w.backup.client.inject({ method: 'GET', url: '/api/care/route' })).json().items[0]).toMatchObject({ role: 'backup' });

    const visit = visitPayload(recipientId);
    const first = await postVisit(w.carrier.client, visit, { 'idempotency-key': visit.id });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id: visit.id, status: 'created', alertId: null });
    // The phone lost the answer and sends again, five times at once.
    const again = await Promise.all(Array.from({ length: 5 }, () => postVisit(w.carrier.client, visit)));
    for (const r of again) expect(r.json()).toMatchObject({ id: visit.id, status: 'duplicate' });
    const rows = await t.database.db.select().from(careVisits).where(eq(careVisits.recipientId, recipientId));
    expect(rows).toHaveLength(1);
    // The note is encrypted at rest.
    expect(rows[0]!.noteEnc).not.toContain('血压');

    const reports = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'care.visit_report'), eq(outboxMessages.refId, recipientId)));
    expect(reports.map((m) => m.recipientMasked).sort()).toEqual(['139****4321', 'x***@example.com']);
    expect(reports[0]!.body).toContain('李建国');
    expect(reports.every((m) => !m.body.includes('血压') && m.link?.startsWith('/f/'))).toBe(true);
    const hours = await t.database.db.select().from(volunteerHours).where(eq(volunteerHours.sourceId, visit.id));
    expect(hours).toMatchObject([{ personId: w.carrier.personId, minutes: 40, source: 'visit' }]);

    const after = (await w.carrier.client.inject({ method: 'GET', url: '/api/care/route' })).json().items[0];
    expect(after).toMatchObject({ dueToday: false, lastVisitAt: visit.visitedAt });
  });

  it('refuses a visit for someone the volunteer is not paired with, clearly', async () => {
    const res = await postVisit(w.stranger.client, visitPayload(recipientId));
    expect(res.statusCode).toBe(403);
    expect(res.json().details[0]).toMatchObject({ path: 'recipientId', message: '您不是这位老人的结对志愿者，不能为其记录探访' });
    const other = await postVisit(w.cfCarrier.client, visitPayload(recipientId), { 'accept-language': 'en' });
    expect(other.json().details[0].message).toBe('You are not paired with this resident, so you cannot log a visit for them');
    expect(await t.database.db.$count(careVisits, eq(careVisits.volunteerId, w.stranger.personId))).toBe(0);
  });

  it('a visit in the future or long past needs a reason; unknown checklist items and missing signatures are refused', async () => {
    const future = await postVisit(
      w.carrier.client,
      visitPayload(recipientId, { visitedAt: new Date(Date.now() + 86_400_000).toISOString() }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().details[0]).toMatchObject({ path: 'lateReason', message: '探访时间在未来或已超过 7 天，请说明原因' });
    const old = visitPayload(recipientId, { visitedAt: new Date(Date.now() - 20 * 86_400_000).toISOString() });
    expect((await postVisit(w.carrier.client, old)).statusCode).toBe(400);
    expect((await postVisit(w.carrier.client, { ...old, lateReason: '手机坏了，补录纸质记录' })).statusCode).toBe(200);
    const odd = await postVisit(w.carrier.client, visitPayload(recipientId, { answers: { horoscope: 'ok' } }));
    expect(odd.json().details[0]).toMatchObject({ path: 'answers.horoscope', message: '清单中没有这一项' });
    const unsigned = await postVisit(w.carrier.client, visitPayload(recipientId, { confirmation: 'signature' }));
    expect(unsigned.json().details[0]).toMatchObject({ path: 'signature' });
    const badSig = await postVisit(
      w.carrier.client,
      visitPayload(recipientId, { confirmation: 'signature', signature: 'data:image/gif;base64,AAAA' }),
    );
    expect(badSig.json().details[0]).toMatchObject({ path: 'signature', message: '签名须为 PNG 图片' });
    const key = await postVisit(w.carrier.client, visitPayload(recipientId), { 'idempotency-key': 'another-key' });
    expect(key.statusCode).toBe(400);
  });

  it('a phone syncs its whole queue in one request: new, resent and bad visits each get their own answer', async () => {
    const a = visitPayload(recipientId, { confirmation: 'signature', signature: 'data:image/png;base64,iVBORw0KGgo=' });
    const b = visitPayload(recipientId, { presence: 'not_home_reached', confirmation: 'none', answers: {} });
    await postVisit(w.backup.client, b);
    const bad = { ...visitPayload(recipientId), presence: 'sleeping' };
    const res = await w.backup.client.inject({ method: 'POST', url: '/api/care/visits/batch', payload: { visits: [a, b, bad, a] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.map((r: { status: string }) => r.status)).toEqual(['created', 'duplicate', 'rejected', 'duplicate']);
    expect(res.json().results[2]).toMatchObject({
      id: bad.id,
      code: 'validation_failed',
      details: [expect.objectContaining({ path: 'presence' })],
    });
    const sig = await t.database.db.select().from(careVisits).where(eq(careVisits.id, a.id));
    expect(sig[0]!.signatureEnc).toMatch(/^v1:/);
    // Another person's visit id is not theirs to replay.
    expect((await postVisit(w.carrier.client, b)).statusCode).toBe(409);
  });

  it('the volunteer reorders the round', async () => {
    const second = (await enrol(w.partner.client, recipientInput(w, { name: '张桂英', family: [], backupVolunteerId: undefined }))).id;
    let route = (await w.carrier.client.inject({ method: 'GET', url: '/api/care/route' })).json();
    expect(route.items.map((i: { id: string }) => i.id)).toEqual([recipientId, second]);
    route = (
      await w.carrier.client.inject({ method: 'PUT', url: '/api/care/route/order', payload: { recipientIds: [second, recipientId] } })
    ).json();
    expect(route.items.map((i: { id: string }) => i.id)).toEqual([second, recipientId]);
    const count = await t.database.db.execute(sql`select visit_count from care_recipients where id = ${recipientId}`);
    expect(Number((count as unknown as { rows: { visit_count: number }[] }).rows[0]!.visit_count)).toBe(4);
  });
});
