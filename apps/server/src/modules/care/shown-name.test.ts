import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outboxMessages } from '../../db/schema/index.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { enrol, makeCareWorld, makePersonAccount, recipientInput, visitPayload, type CareWorld } from './care.fixtures.js';

// One rule for an elder's name on every staff page (care.access shownName): in clear only to those who may reveal
// them (paired volunteers, care.reveal over the grid), masked to everyone else who may see the recipient.
const NAME = '张桂英';
const MASKED = '张**';

let t: TestApp;
let w: CareWorld;
/** A branch secretary granted over the community: care.read there, but no care.reveal, and paired with nobody. */
let secretary: Awaited<ReturnType<typeof makePersonAccount>>;
let id: string;
let alertId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCareWorld(t);
  secretary = await makePersonAccount(t, w.crypto, w.community, 'branch_secretary', w.community, '钱书记');
  id = (await enrol(w.partner.client, recipientInput(w, { name: NAME }))).id;
  const visit = await w.carrier.client.inject({
    method: 'POST',
    url: '/api/care/visits',
    payload: visitPayload(id, { concern: 'urgent' }),
  });
  alertId = visit.json().alertId;
  expect(alertId).toBeTruthy();
});
afterAll(() => t.close());

const get = async (client: Client, url: string) => {
  const res = await client.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res;
};
const listed = async (client: Client) =>
  (await get(client, `/api/care/recipients?orgId=${w.grid.id}`)).json().items.find((r: { id: string }) => r.id === id);
const inboxed = async (client: Client) =>
  (await get(client, '/api/care/alerts')).json().items.find((a: { id: string }) => a.id === alertId);

describe('an elder’s name on the care pages', () => {
  it('a branch secretary over the community sees it masked in the list, the detail and the alert inbox, and nowhere in clear', async () => {
    const c = secretary.client;
    expect(await listed(c)).toMatchObject({ name: MASKED });
    expect((await get(c, `/api/care/recipients/${id}`)).json()).toMatchObject({ name: MASKED });
    expect(await inboxed(c)).toMatchObject({ recipientName: MASKED });
    // Taking the alert on answers with the alert, named by the same rule.
    const ack = await c.inject({ method: 'POST', url: `/api/care/alerts/${alertId}/acknowledge` });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', recipientName: MASKED });

    // Across the fence: every answer the secretary gets about this elder, whole, never holds the name.
    const answers = [
      ack.body,
      ...(await Promise.all(
        [
          '/api/care/recipients',
          `/api/care/recipients?orgId=${w.grid.id}`,
          `/api/care/recipients/${id}`,
          `/api/care/recipients/${id}/visits`,
          `/api/care/recipients/${id}/consents`,
          '/api/care/alerts',
          '/api/care/route',
          `/api/outbox?refId=${id}&pageSize=200`,
        ].map(async (url) => (await get(c, url)).body),
      )),
    ];
    for (const body of answers) expect(body).not.toContain(NAME);
    // And the reveal it may not make stays refused.
    expect((await c.inject({ method: 'POST', url: `/api/care/recipients/${id}/reveal` })).statusCode).toBe(403);
  });

  it('the community partner sees it in clear in the list, the detail and the alert inbox', async () => {
    expect(await listed(w.partner.client)).toMatchObject({ name: NAME });
    expect((await get(w.partner.client, `/api/care/recipients/${id}`)).json()).toMatchObject({ name: NAME });
    expect(await inboxed(w.partner.client)).toMatchObject({ recipientName: NAME });
  });

  it('the paired volunteers see it in clear on the recipient’s page and their round', async () => {
    for (const who of [w.carrier, w.backup]) {
      expect((await get(who.client, `/api/care/recipients/${id}`)).json()).toMatchObject({ name: NAME });
      const round = (await get(who.client, '/api/care/route')).json().items;
      expect(round.find((s: { id: string }) => s.id === id)).toMatchObject({ name: NAME });
    }
  });

  it('the grid leader, who answers alerts without care.reveal, sees it masked; another city sees nothing', async () => {
    expect(await inboxed(w.leader.client)).toMatchObject({ recipientName: MASKED });
    expect((await get(w.leader.client, '/api/care/alerts')).body).not.toContain(NAME);
    expect(await inboxed(w.cfPartner.client)).toBeUndefined();
  });

  it('listing names to those who may reveal them is not a reveal: no audit entry; the sent messages keep the name', async () => {
    const reveals = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'care.reveal'), eq(auditLog.entityId, id)));
    expect(reveals).toEqual([]);
    // What the server sends (the family's report, the alert's messages) is about the elder by name, sealed at rest.
    const sent = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.refId, id));
    expect(sent.length).toBeGreaterThan(0);
    for (const m of sent.filter((x) => x.aboutNameEnc)) {
      expect(m.aboutNameMasked).toBe(MASKED);
      expect(t.services.crypto.decrypt(m.aboutNameEnc!)).toBe(NAME);
    }
    expect(sent.filter((x) => x.aboutNameEnc).map((m) => m.kind)).toEqual(expect.arrayContaining(['care.visit_report', 'care.alert']));
  });
});
