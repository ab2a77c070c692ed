import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careAlerts, outboxMessages } from '../../db/schema/index.js';
import { withName } from '../../platform/notify.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { enrol, makeCareWorld, recipientInput, visitPayload, type CareWorld } from './care.fixtures.js';

let t: TestApp;
let w: CareWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCareWorld(t);
});
afterAll(() => t.close());

const neighbours = [
  { name: '刘阿姨', relation: '对门邻居', phone: '13700001111' },
  { name: '马师傅', relation: '楼下邻居', phone: '13700002222' },
];
/** What the neighbours' phones would receive about one recipient. */
const toNeighbours = (recipientId: string) =>
  t.database.db
    .select()
    .from(outboxMessages)
    .where(
      and(eq(outboxMessages.kind, 'care.alert'), eq(outboxMessages.refId, recipientId), like(outboxMessages.dedupeKey, '%:neighbour:%')),
    );

describe('trusted neighbours in an emergency', () => {
  it('an urgent visit texts each neighbour once, even when the phone resends it, twice at once, and when the alert climbs', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '曹奶奶', neighbours }));
    const urgent = visitPayload(id, { concern: 'urgent', note: '摔倒在地，已叫120' });
    const [a, b] = await Promise.all([
      w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: urgent }),
      w.carrier.client.inject({ method: 'POST', url: '/api/care/visits/batch', payload: { visits: [urgent, urgent] } }),
    ]);
    const alertId = a.json().alertId as string;
    expect(alertId).toBeTruthy();
    expect(b.json().results.every((r: { alertId: string }) => r.alertId === alertId)).toBe(true);
    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: urgent });

    await t.database.db
      .update(careAlerts)
      .set({ escalateAt: new Date(Date.now() - 1000) })
      .where(eq(careAlerts.id, alertId));
    expect(await t.services.careAlerts.escalate()).toBeGreaterThanOrEqual(1);

    const sent = await toNeighbours(id);
    // Names masked in the outbox, and in clear for delivery only.
    const clear = (m: (typeof sent)[number]) => t.services.crypto.decrypt(m.recipientNameEnc!);
    expect(sent.map((m) => [m.recipientNameMasked, clear(m), m.recipientMasked, m.channel, m.dedupeKey]).sort()).toEqual([
      ['刘**', '刘阿姨', '137****1111', 'webhook', `care.alert:${alertId}:neighbour:1`],
      ['马**', '马师傅', '137****2222', 'webhook', `care.alert:${alertId}:neighbour:2`],
    ]);
    // A neighbour is asked to knock, not told the resident's health or given the family's private link.
    for (const m of sent) {
      // Named as delivery names her; the stored text holds her name sealed, like the neighbour's.
      expect(m.body).not.toContain('曹奶奶');
      expect(withName(m.body, clear(m), t.services.crypto.decrypt(m.aboutNameEnc!))).toContain('您是曹奶奶登记的信任邻居');
      expect(m.body).not.toMatch(/摔倒|高血压|五心苑12幢/);
      expect(m.link).toBeNull();
    }
  });

  it('“not home, not reachable” reaches them too; a lesser concern does not', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '彭爷爷', neighbours }));
    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id, { concern: 'needs_help' }) });
    expect(await toNeighbours(id)).toEqual([]);
    const gone = await w.carrier.client.inject({
      method: 'POST',
      url: '/api/care/visits',
      payload: visitPayload(id, { presence: 'not_home_unreachable', confirmation: 'none', answers: {} }),
    });
    const sent = await toNeighbours(id);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.body).toContain('电话也联系不上');
    expect(sent.every((m) => m.dedupeKey!.startsWith(`care.alert:${gone.json().alertId}:neighbour:`))).toBe(true);
  });

  it('only with consent for alerts, and never after it is withdrawn', async () => {
    const consent = { givenBy: '本人', byProxy: false, purposes: ['visits', 'family_reports'] };
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '金奶奶', neighbours, consent }));
    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id, { concern: 'urgent' }) });
    expect(await toNeighbours(id)).toEqual([]);

    const other = await enrol(w.partner.client, recipientInput(w, { name: '石大爷', neighbours }));
    await w.partner.client.inject({ method: 'POST', url: `/api/care/recipients/${other.id}/withdraw-consent` });
    const alertId = await t.database.db.transaction((tx) =>
      t.services.careAlerts.raise(tx, {
        recipientId: other.id,
        orgId: w.grid.id,
        visitId: null,
        kind: 'unreachable',
        level: 'urgent',
        summary: '上门未见到老人，电话也联系不上',
      }),
    );
    expect(alertId).toBeTruthy();
    expect(await toNeighbours(other.id)).toEqual([]);
  });
});

describe('the family hears what the consent covers', () => {
  /** What the family's phones and mail boxes would receive about one recipient, by kind. */
  const toFamily = async (recipientId: string) =>
    (
      await t.database.db
        .select({ kind: outboxMessages.kind, to: outboxMessages.recipientNameEnc })
        .from(outboxMessages)
        .where(and(eq(outboxMessages.refId, recipientId), eq(outboxMessages.recipientNameMasked, '王**')))
    )
      .map((m) => `${m.kind} ${t.services.crypto.decrypt(m.to!)}`)
      .sort();

  it('visit reports only with family_reports, alerts only with alerts', async () => {
    const visitsOnly = await enrol(
      w.partner.client,
      recipientInput(w, { name: '钱奶奶', consent: { givenBy: '本人', byProxy: false, purposes: ['visits'] } }),
    );
    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(visitsOnly.id) });
    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(visitsOnly.id, { concern: 'urgent' }) });
    expect(await toFamily(visitsOnly.id)).toEqual([]);
    // The staff are alerted whatever the family may hear.
    expect((await t.database.db.select().from(careAlerts).where(eq(careAlerts.recipientId, visitsOnly.id))).length).toBe(1);

    const reportsOnly = await enrol(
      w.partner.client,
      recipientInput(w, { name: '孙爷爷', consent: { givenBy: '本人', byProxy: false, purposes: ['visits', 'family_reports'] } }),
    );
    await w.carrier.client.inject({
      method: 'POST',
      url: '/api/care/visits',
      payload: visitPayload(reportsOnly.id, { concern: 'urgent' }),
    });
    expect(await toFamily(reportsOnly.id)).toEqual(['care.visit_report 王小明', 'care.visit_report 王小红']);

    const both = await enrol(w.partner.client, recipientInput(w, { name: '李奶奶' }));
    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(both.id, { concern: 'urgent' }) });
    expect(await toFamily(both.id)).toEqual([
      'care.alert 王小明',
      'care.alert 王小红',
      'care.visit_report 王小明',
      'care.visit_report 王小红',
    ]);
  });
});
