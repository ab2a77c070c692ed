import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../platform/ids.js';
import { persons } from '../../db/schema/index.js';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { EDGE_NAMES, EDGES, expectOnlyInRange, rangeQuery, type Edge } from '../../test/china-days.js';
import { makeAccount, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { recordHours } from './hours.js';

let t: TestApp;
let secretary: Client, cfSecretary: Client;
const ids = {} as Record<Edge, string>;
let chifengHours: string;

/** Hours whose shift, visit or activity began at each edge instant; and Chifeng hours inside the period. */
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const w = await makeTwoCities(db);
  const cf = await makeAccount(db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  [secretary, cfSecretary] = await signInAll(t.app, [w.czSecretary.login, cf.login], TEST_PASSWORD);
  const person = async (orgId: string, name: string) => {
    const id = uuidv7();
    await db.insert(persons).values({ id, orgId, name, kinds: ['volunteer'] });
    return id;
  };
  const cz = await person(w.czBranch.id, '张志愿');
  const hours = async (personId: string, orgId: string, at: string) =>
    (await recordHours(db, { personId, orgId, source: 'shift', sourceId: uuidv7(), startedAt: new Date(at), minutes: 90 })).id;
  for (const e of EDGE_NAMES) ids[e] = await hours(cz, w.czBranch.id, EDGES[e].at);
  chifengHours = await hours(await person(w.cfBranch.id, '李志愿'), w.cfBranch.id, EDGES.fromMidnight.at);
});
afterAll(() => t.close());

const list = (query: string, who = secretary) => who.inject({ method: 'GET', url: `/api/volunteer-hours?${query}` });
const idsOf = (res: Awaited<ReturnType<typeof list>>) => (res.json().items as { id: string }[]).map((h) => h.id);

describe('volunteer hours by the day they began (China time)', () => {
  it('lists the hours begun on the days asked, boundaries included, within the coordinator’s reach only', async () => {
    const res = await list(rangeQuery());
    expect(res.statusCode, res.body).toBe(200);
    expect(expectOnlyInRange(ids, idsOf(res))).toEqual([]);
    expect(res.json().total).toBe(2);
    expect(idsOf(await list(rangeQuery(), cfSecretary))).toEqual([chifengHours]);
  });

  it('combines with the status filter and takes either end alone', async () => {
    expect((await list(rangeQuery({ status: 'pending' }))).json().total).toBe(2);
    expect((await list(rangeQuery({ status: 'approved' }))).json().total).toBe(0);
    expect(idsOf(await list(rangeQuery({}, { from: '2025-03-13' })))).toEqual([ids.dayAfterTo, ids.midnightAfterTo]);
    expect(idsOf(await list(rangeQuery({}, { to: '2025-03-09' })))).toEqual([ids.lastMomentBeforeFrom, ids.dayBeforeFrom]);
  });

  it('refuses an end before the start, beside the end date', async () => {
    const res = await list(rangeQuery({}, { from: '2025-03-12', to: '2025-03-10' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'to', message: '结束日期不能早于开始日期' });
  });
});
