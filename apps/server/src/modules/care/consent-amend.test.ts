import { and, eq, isNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, careConsents, outboxMessages, wristbands } from '../../db/schema/index.js';
import { makeOrg } from '../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { enrol, makeCareWorld, makePersonAccount, recipientInput, visitPayload, type CareWorld } from './care.fixtures.js';

let t: TestApp;
let w: CareWorld;
/** The leader of another grid of the same community: may manage care there, not here. */
let otherGridLeader: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCareWorld(t);
  const grid2 = await makeOrg(t.database.db, 'grid', w.community, '第二网格');
  otherGridLeader = (await makePersonAccount(t, w.crypto, grid2, 'community_partner', grid2, '吴网格长')).client;
});
afterAll(() => t.close());

const amend = (who: Client, id: string, payload: object, headers: Record<string, string> = {}) =>
  who.inject({ method: 'PUT', url: `/api/care/recipients/${id}/consent`, payload, headers });
const byDaughter = (purposes: string[]) => ({ givenBy: '王小红', byProxy: true, proxyRelation: '女儿', purposes });
const history = async (id: string) =>
  (await w.partner.client.inject({ method: 'GET', url: `/api/care/recipients/${id}/consents` })).json().items as {
    givenBy: string;
    purposes: string[];
    withdrawnAt: string | null;
    supersededAt: string | null;
    recordedBy: string | null;
  }[];
const inForce = (id: string) =>
  t.database.db
    .select()
    .from(careConsents)
    .where(and(eq(careConsents.recipientId, id), isNull(careConsents.withdrawnAt)));
const messages = (id: string, pattern: string) =>
  t.database.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.refId, id), like(outboxMessages.dedupeKey, pattern)));

async function newBand() {
  const batch = await w.partner.client.inject({
    method: 'POST',
    url: '/api/wristband-batches',
    payload: { orgId: w.grid.id, label: '补发手环', size: 1 },
  });
  expect(batch.statusCode, batch.body).toBe(200);
  const list = await w.partner.client.inject({ method: 'GET', url: `/api/wristbands?batchId=${batch.json().id}` });
  return list.json().items[0].id as string;
}
const bind = (bandId: string, recipientId: string) =>
  w.partner.client.inject({ method: 'POST', url: `/api/wristbands/${bandId}/bind`, payload: { recipientId } });

describe('amending the purposes of a consent', () => {
  it('adds the wristband: the old record stays, superseded, the new one is in force, audited, and the band can then be bound', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '姚奶奶' }));
    const band = await newBand();
    const refused = await bind(band, id);
    expect(refused.statusCode).toBe(400);
    // The code names the reason, so the binding screen can offer the way to amend the consent.
    expect(refused.json().details[0]).toMatchObject({ path: 'recipientId', code: 'consent_lacks_wristband' });

    const res = await amend(w.partner.client, id, byDaughter(['visits', 'family_reports', 'alerts', 'wristband']));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().consent).toMatchObject({
      givenBy: '王小红',
      byProxy: true,
      proxyRelation: '女儿',
      purposes: ['visits', 'family_reports', 'alerts', 'wristband'],
      withdrawnAt: null,
    });
    const records = await history(id);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      givenBy: '王小红',
      withdrawnAt: null,
      supersededAt: null,
      purposes: expect.arrayContaining(['wristband']),
    });
    expect(records[1]).toMatchObject({ givenBy: '王小明', purposes: ['visits', 'family_reports', 'alerts'] });
    expect(records[1]!.supersededAt).not.toBeNull();
    expect(records[1]!.withdrawnAt).toBe(records[1]!.supersededAt);
    expect(records.every((r) => r.recordedBy)).toBe(true);
    const [now] = await inForce(id);
    const [old] = await t.database.db.select().from(careConsents).where(eq(careConsents.supersededBy, now!.id));
    expect(old).toMatchObject({ givenBy: '王**', recipientId: id });
    expect(w.crypto.decrypt(old!.givenByEnc!)).toBe('王小明');
    expect(w.crypto.decrypt(now!.givenByEnc!)).toBe('王小红');

    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'care.consent_amend'), eq(auditLog.entityId, id)));
    expect(audit!.details).toMatchObject({
      before: { purposes: ['visits', 'family_reports', 'alerts'] },
      after: { byProxy: true, proxyRelation: '女儿', purposes: ['visits', 'family_reports', 'alerts', 'wristband'] },
    });

    const bound = await bind(band, id);
    expect(bound.statusCode, bound.body).toBe(200);
    expect(bound.json()).toMatchObject({ status: 'bound', recipientId: id });
  });

  it('drops the wristband and family reports: the bands retire, queued reports go, and the next visit reaches no family', async () => {
    const { id } = await enrol(
      w.partner.client,
      recipientInput(w, {
        name: '孙爷爷',
        consent: { givenBy: '孙爷爷', byProxy: false, purposes: ['visits', 'family_reports', 'alerts', 'wristband'] },
      }),
    );
    const band = await newBand();
    expect((await bind(band, id)).statusCode).toBe(200);
    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id) });
    expect((await messages(id, 'care.visit_report:%')).length).toBeGreaterThan(0);

    const res = await amend(w.partner.client, id, { givenBy: '孙爷爷', byProxy: false, purposes: ['visits', 'alerts'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().consent).toMatchObject({ purposes: ['visits', 'alerts'], byProxy: false, proxyRelation: null });
    const [row] = await t.database.db.select().from(wristbands).where(eq(wristbands.id, band));
    expect(row).toMatchObject({ status: 'retired', recipientId: null });
    // Reports still waiting to be sent are not sent.
    expect(await messages(id, 'care.visit_report:%')).toEqual([]);

    await w.carrier.client.inject({
      method: 'POST',
      url: '/api/care/visits',
      payload: visitPayload(id, { visitedAt: new Date(Date.now() - 60_000).toISOString(), concern: 'urgent' }),
    });
    expect(await messages(id, 'care.visit_report:%')).toEqual([]);
    // Alerts are still covered: the family is still texted about the urgent visit.
    expect((await messages(id, 'care.alert:%:family:%')).length).toBeGreaterThan(0);
    // And a band cannot be bound again until the wristband is agreed to again.
    expect((await bind(await newBand(), id)).json().details[0]).toMatchObject({ path: 'recipientId' });
  });

  it('drops alerts: an urgent visit then texts the staff but neither the family nor the neighbours', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '钱奶奶' }));
    expect((await amend(w.partner.client, id, byDaughter(['visits', 'family_reports']))).statusCode).toBe(200);
    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id, { concern: 'urgent' }) });
    expect(await messages(id, 'care.alert:%:family:%')).toEqual([]);
    expect(await messages(id, 'care.alert:%:neighbour:%')).toEqual([]);
    expect((await messages(id, 'care.alert:%:L0:%')).length).toBeGreaterThan(0);
    expect((await messages(id, 'care.visit_report:%')).length).toBeGreaterThan(0);
  });

  it('needs a purpose (visits among them) and a proxy’s relation, each named beside its field', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '冯爷爷' }));
    const none = await amend(w.partner.client, id, byDaughter([]));
    expect(none.statusCode).toBe(400);
    expect(none.json().details.map((d: { path: string }) => d.path)).toContain('purposes');
    const noVisits = await amend(w.partner.client, id, byDaughter(['alerts']));
    expect(noVisits.json().details[0]).toMatchObject({ path: 'purposes', message: '同意范围须包含上门探访' });
    const noRelation = await amend(
      w.partner.client,
      id,
      { givenBy: '冯小军', byProxy: true, purposes: ['visits'] },
      { 'accept-language': 'en' },
    );
    expect(noRelation.statusCode).toBe(400);
    expect(noRelation.json().details[0].path).toBe('proxyRelation');
    expect(await history(id)).toHaveLength(1);
  });

  it('nobody outside the grid may amend: another grid’s leader, another city, the carrier, the branch; nor after withdrawal', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '褚奶奶' }));
    for (const who of [otherGridLeader, w.cfPartner.client, w.carrier.client, w.secretary.client])
      expect((await amend(who, id, byDaughter(['visits', 'wristband']))).statusCode).toBe(404);
    expect((await w.cfPartner.client.inject({ method: 'GET', url: `/api/care/recipients/${id}/consents` })).statusCode).toBe(404);
    expect(await history(id)).toHaveLength(1);

    await w.partner.client.inject({ method: 'POST', url: `/api/care/recipients/${id}/withdraw-consent` });
    const late = await amend(w.partner.client, id, byDaughter(['visits']));
    expect(late.statusCode).toBe(400);
    expect(late.json().details[0].path).toBe('status');
    const records = await history(id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ supersededAt: null });
    expect(records[0]!.withdrawnAt).not.toBeNull();
  });

  it('two amendments at once both land, one after the other, leaving exactly one consent in force', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '卫爷爷' }));
    const both = await Promise.all([
      amend(w.partner.client, id, byDaughter(['visits', 'wristband'])),
      amend(w.partner.client, id, byDaughter(['visits', 'family_reports'])),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    const live = await inForce(id);
    expect(live).toHaveLength(1);
    const records = await history(id);
    expect(records).toHaveLength(3);
    expect(records.filter((r) => r.supersededAt)).toHaveLength(2);
    expect((await w.partner.client.inject({ method: 'GET', url: `/api/care/recipients/${id}` })).json().consent.purposes).toEqual(
      live[0]!.purposes,
    );
    // The database holds the line too: a second record in force is refused.
    await expect(t.database.db.insert(careConsents).values({ ...live[0]!, id: '01900000-0000-7000-8000-0000000000c1' })).rejects.toThrow();
  });
});
