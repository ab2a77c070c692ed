import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let czSecretary: Client, cfSecretary: Client;
let activityId: string;

beforeAll(async () => {
  t = await createTestApp();
  const w = await makeTwoCities(t.database.db);
  const cf = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  [czSecretary, cfSecretary] = await signInAll(t.app, [w.czSecretary.login, cf.login], TEST_PASSWORD);
  activityId = (
    await czSecretary.inject({
      method: 'POST',
      url: '/api/activities',
      payload: {
        orgId: w.czBranch.id,
        kindId: 'anti_fraud',
        title: '反诈宣传进社区',
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 7200_000).toISOString(),
      },
    })
  ).json().id;
});
afterAll(() => t.close());

const quotesOf = async (client: Client) => (await client.inject({ method: 'GET', url: `/api/activities/${activityId}/quotes` })).json();

describe('participants’ quotes', () => {
  it('keeps what a participant said only with their consent, in the order written, and removes it again', async () => {
    const refused = await czSecretary.inject({
      method: 'POST',
      url: `/api/activities/${activityId}/quotes`,
      payload: { speaker: '居民王阿姨', text: '以后接到陌生电话心里有数了', consent: false },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0]).toMatchObject({ path: 'consent', message: '请先征得发言人同意以此署名引用' });
    expect((await quotesOf(czSecretary)).items).toEqual([]);

    const first = await czSecretary.inject({
      method: 'POST',
      url: `/api/activities/${activityId}/quotes`,
      payload: { speaker: '  居民王阿姨 ', text: '以后接到陌生电话心里有数了', consent: true },
    });
    expect(first.statusCode).toBe(200);
    await czSecretary.inject({
      method: 'POST',
      url: `/api/activities/${activityId}/quotes`,
      payload: { speaker: '东亭派出所民警', text: '邮政网点是反诈宣传的好阵地', consent: true },
    });
    const listed = (await quotesOf(czSecretary)).items;
    expect(listed.map((q: { speaker: string }) => q.speaker)).toEqual(['居民王阿姨', '东亭派出所民警']);

    const removed = await czSecretary.inject({ method: 'DELETE', url: `/api/activities/${activityId}/quotes/${first.json().id}` });
    expect(removed.statusCode).toBe(200);
    expect((await quotesOf(czSecretary)).items.map((q: { speaker: string }) => q.speaker)).toEqual(['东亭派出所民警']);
  });

  it('is out of reach of another city, which cannot read, add or remove', async () => {
    const [quote] = (await quotesOf(czSecretary)).items;
    expect((await cfSecretary.inject({ method: 'GET', url: `/api/activities/${activityId}/quotes` })).statusCode).toBe(404);
    const add = await cfSecretary.inject({
      method: 'POST',
      url: `/api/activities/${activityId}/quotes`,
      payload: { speaker: '冒名', text: '不该写进去', consent: true },
    });
    expect(add.statusCode).toBe(404);
    expect((await cfSecretary.inject({ method: 'DELETE', url: `/api/activities/${activityId}/quotes/${quote.id}` })).statusCode).toBe(404);
    expect((await quotesOf(czSecretary)).items).toHaveLength(1);
  });
});
