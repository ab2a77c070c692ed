import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careAlerts, careRecipients, outboxMessages } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { enrol, makeCareWorld, recipientInput, visitPayload, type CareWorld } from './care.fixtures.js';

let t: TestApp;
let w: CareWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCareWorld(t);
});
afterAll(() => t.close());

const inbox = async (client: CareWorld['partner']['client']) =>
  (await client.inject({ method: 'GET', url: '/api/care/alerts' })).json().items as {
    id: string;
    recipientId: string;
    [k: string]: unknown;
  }[];

describe('alerts that reach someone', () => {
  it('an urgent visit reaches the grid leader, the community partner and the family at once, and nobody outside', async () => {
    const id = (await enrol(w.partner.client, recipientInput(w))).id;
    const res = await w.carrier.client.inject({
      method: 'POST',
      url: '/api/care/visits',
      payload: visitPayload(id, { concern: 'urgent' }),
    });
    const alertId = res.json().alertId;
    expect(alertId).toBeTruthy();
    expect((await inbox(w.partner.client)).find((a) => a.id === alertId)).toMatchObject({
      level: 'urgent',
      kind: 'concern',
      status: 'open',
      owner: 'grid_leader',
      // The community partner may reveal the elder (care.reveal over the grid): the name in clear.
      recipientName: '王秀兰',
    });
    // The grid leader answers alerts but is neither paired nor holds care.reveal: the name masked.
    expect((await inbox(w.leader.client)).find((a) => a.id === alertId)).toMatchObject({ recipientName: '王**' });
    expect(await inbox(w.cfPartner.client)).toEqual([]);
    expect(await inbox(w.carrier.client)).toEqual([]);
    // Not yet escalated: the branch does not see it.
    expect((await inbox(w.secretary.client)).map((a) => a.id)).not.toContain(alertId);

    const sent = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'care.alert'), eq(outboxMessages.refId, id)));
    // The outbox holds names masked; delivery decrypts them.
    expect(sent.map((m) => m.recipientNameMasked).sort()).toEqual(['刘**', '周**', '王**', '王**', '陈**'].sort());
    const to = sent.map((m) => t.services.crypto.decrypt(m.recipientNameEnc!)).sort();
    expect(to).toEqual(['刘阿姨', '周书记', '王小明', '王小红', '陈网格'].sort());
    expect(sent.find((m) => t.services.crypto.decrypt(m.recipientNameEnc!) === '王小明')!.link).toMatch(/^\/f\/.{40,}/);
  });

  it('not at home and not reachable is urgent by itself; a lesser concern waits in the inbox', async () => {
    const id = (await enrol(w.partner.client, recipientInput(w, { name: '刘福生' }))).id;
    const gone = await w.carrier.client.inject({
      method: 'POST',
      url: '/api/care/visits',
      payload: visitPayload(id, { presence: 'not_home_unreachable', confirmation: 'none', answers: {} }),
    });
    const alert = (await inbox(w.partner.client)).find((a) => a.id === gone.json().alertId);
    expect(alert).toMatchObject({ kind: 'unreachable', level: 'urgent' });
    const watch = await w.carrier.client.inject({
      method: 'POST',
      url: '/api/care/visits',
      payload: visitPayload(id, { concern: 'watch' }),
    });
    const familyAlerts = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'care.alert'), eq(outboxMessages.refId, id), eq(outboxMessages.recipientNameMasked, '王**')));
    expect(familyAlerts).toHaveLength(2); // the urgent one only, one per family contact
    expect((await inbox(w.partner.client)).find((a) => a.id === watch.json().alertId)).toMatchObject({ level: 'watch' });
  });

  it('one owner wins when two take the alert on at once; it closes with an outcome; unanswered alerts climb the chain', async () => {
    const id = (await enrol(w.partner.client, recipientInput(w, { name: '孙玉梅' }))).id;
    const { alertId } = (
      await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id, { concern: 'needs_help' }) })
    ).json();
    const acks = await Promise.all(
      [w.partner.client, w.leader.client].map((c) => c.inject({ method: 'POST', url: `/api/care/alerts/${alertId}/acknowledge` })),
    );
    expect(acks.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect(
      (await w.cfPartner.client.inject({ method: 'POST', url: `/api/care/alerts/${alertId}/resolve`, payload: { outcome: 'x' } }))
        .statusCode,
    ).toBe(404);
    const noOutcome = await w.partner.client.inject({
      method: 'POST',
      url: `/api/care/alerts/${alertId}/resolve`,
      payload: { outcome: '' },
    });
    expect(noOutcome.statusCode).toBe(400);
    const done = await w.partner.client.inject({
      method: 'POST',
      url: `/api/care/alerts/${alertId}/resolve`,
      payload: { outcome: '已联系女儿，陪同就医' },
    });
    expect(done.json()).toMatchObject({ status: 'resolved', outcome: '已联系女儿，陪同就医' });
    expect(done.json().owner).toMatch(/^user-/);

    const second = (
      await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id, { concern: 'urgent' }) })
    ).json().alertId;
    await t.database.db
      .update(careAlerts)
      .set({ escalateAt: new Date(Date.now() - 1000) })
      .where(eq(careAlerts.id, second));
    expect(await t.services.careAlerts.escalate()).toBeGreaterThanOrEqual(1);
    await t.database.db
      .update(careAlerts)
      .set({ escalateAt: new Date(Date.now() - 1000) })
      .where(eq(careAlerts.id, second));
    await t.services.careAlerts.escalate();
    const escalated = (await inbox(w.secretary.client)).find((a) => a.id === second);
    // The volunteers' branch secretary, reached by escalation, may not reveal the elder: masked.
    expect(escalated).toMatchObject({ escalationLevel: 2, owner: 'branch', recipientName: '孙**' });
    const toBranch = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'care.alert'), sql`${outboxMessages.dedupeKey} like ${`care.alert:${second}:L2:%`}`));
    expect(toBranch.map((m) => t.services.crypto.decrypt(m.recipientNameEnc!))).toEqual(['赵书记']);
    // Each level's message names the elder when it is delivered, as the first one did, and masks her on the outbox page.
    const escalations = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'care.alert'), sql`${outboxMessages.dedupeKey} similar to ${`care.alert:${second}:L(1|2):%`}`));
    expect(escalations.length).toBeGreaterThanOrEqual(2);
    for (const m of escalations) {
      expect(t.services.crypto.decrypt(m.aboutNameEnc!)).toBe('孙玉梅');
      expect(m.aboutNameMasked).toBe('孙**');
      expect(m.subject).not.toContain('孙玉梅');
    }
  });

  it('a missed visit raises exactly one alert per missed period, even with scans running at once', async () => {
    const id = (await enrol(w.partner.client, recipientInput(w, { name: '吴大爷', frequency: 'daily' }))).id;
    expect((await t.services.careAlerts.scanMissed('all')) >= 0).toBe(true);
    expect((await inbox(w.partner.client)).filter((a) => a.recipientId === id)).toEqual([]);
    // Three days pass without a visit (the plan is daily, grace one day).
    await t.database.db
      .update(careRecipients)
      .set({ missedAfter: sql`now() - interval '1 day'`, createdAt: sql`now() - interval '3 days'` })
      .where(eq(careRecipients.id, id));
    const scans = await Promise.all([1, 2, 3].map(() => t.services.careAlerts.scanMissed('all')));
    expect(scans.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await t.services.careAlerts.scanMissed('all')).toBe(0);
    const missed = (await inbox(w.partner.client)).filter((a) => a.recipientId === id);
    expect(missed).toMatchObject([{ kind: 'missed_visit', level: 'needs_help' }]);
    // An operator's "check now" only reaches their own grids.
    expect((await w.cfPartner.client.inject({ method: 'POST', url: '/api/care/scan' })).json()).toMatchObject({ missed: 0 });
    expect((await w.carrier.client.inject({ method: 'POST', url: '/api/care/scan' })).statusCode).toBe(403);
  });
});
