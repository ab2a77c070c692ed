import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../platform/ids.js';
import { careAlerts } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { EDGE_NAMES, EDGES, expectOnlyInRange, rangeQuery, type Edge } from '../../test/china-days.js';
import { enrol, makeCareWorld, recipientInput, type CareWorld } from './care.fixtures.js';

let t: TestApp;
let w: CareWorld;
const ids = {} as Record<Edge, string>;

/** One resident's alerts, raised at each edge instant (as the missed-visit scan raises them, without a visit). */
beforeAll(async () => {
  t = await createTestApp();
  w = await makeCareWorld(t);
  const recipientId = (await enrol(w.partner.client, recipientInput(w))).id as string;
  for (const e of EDGE_NAMES) {
    const id = uuidv7();
    const at = new Date(EDGES[e].at);
    await t.database.db.insert(careAlerts).values({
      id,
      recipientId,
      orgId: w.grid.id,
      kind: 'concern',
      level: 'watch',
      summary: '精神不太好',
      createdAt: at,
      escalateAt: new Date(at.getTime() + 3600_000),
    });
    ids[e] = id;
  }
});
afterAll(() => t.close());

const inbox = (client: CareWorld['partner']['client'], query: string) => client.inject({ method: 'GET', url: `/api/care/alerts?${query}` });
const idsOf = (res: Awaited<ReturnType<typeof inbox>>) => (res.json().items as { id: string }[]).map((a) => a.id);

describe('the alert inbox by the day an alert was raised (China time)', () => {
  it('lists the alerts raised on the days asked, boundaries included, to those who may see them only', async () => {
    const res = await inbox(w.partner.client, rangeQuery());
    expect(res.statusCode, res.body).toBe(200);
    expect(expectOnlyInRange(ids, idsOf(res))).toEqual([]);
    expect(res.json().total).toBe(2);
    expect(expectOnlyInRange(ids, idsOf(await inbox(w.leader.client, rangeQuery())))).toEqual([]);
    expect(idsOf(await inbox(w.cfPartner.client, rangeQuery()))).toEqual([]);
    expect(idsOf(await inbox(w.carrier.client, rangeQuery()))).toEqual([]);
  });

  it('combines with the status filter and takes either end alone', async () => {
    expect((await inbox(w.partner.client, rangeQuery({ status: 'open' }))).json().total).toBe(2);
    expect((await inbox(w.partner.client, rangeQuery({ status: 'resolved' }))).json().total).toBe(0);
    expect((await inbox(w.partner.client, rangeQuery({}, { from: '2025-03-10' }))).json().total).toBe(4);
    expect((await inbox(w.partner.client, rangeQuery({}, { to: '2025-03-09' }))).json().total).toBe(2);
  });

  it('refuses an end before the start, beside the end date, in the reader’s language', async () => {
    const res = await w.partner.client.inject({
      method: 'GET',
      url: `/api/care/alerts?${rangeQuery({}, { from: '2025-03-12', to: '2025-03-10' })}`,
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'to', message: 'The end date cannot be before the start date' });
  });
});
