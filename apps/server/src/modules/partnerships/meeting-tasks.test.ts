import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { addDays, chinaToday } from '../stations/china-day.js';

// The tasks decided at joint meetings (联席会议), across every agreement in a unit's reach: who owns
// each, when it is due, which are overdue, and marking one done from the list.
let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let czSecretary: Client, czOfficer: Client, czVolunteer: Client, cfSecretary: Client, community: Client;
let czPartnership: string, cfPartnership: string;
const task: Record<string, string> = {};
const today = chinaToday();

type Row = { id: string; title: string; overdue: boolean; done: boolean; partnershipTitle: string; ownerOrgName: string | null };
const titles = (res: { json(): { items: Row[] } }) => res.json().items.map((r) => r.title);

async function agreementWithMeeting(client: Client, orgId: string, memberId: string, title: string, tasks: object[]) {
  const year = new Date().getUTCFullYear();
  const p = await client.inject({
    method: 'POST',
    url: '/api/partnerships',
    payload: { orgId, title, startsOn: `${year}-01-01`, endsOn: `${year + 1}-12-31`, memberIds: [memberId] },
  });
  expect(p.statusCode, p.body).toBe(200);
  const m = await client.inject({
    method: 'POST',
    url: `/api/partnerships/${p.json().id}/meetings`,
    payload: { heldOn: addDays(today, -30), minutes: '议定事项', tasks },
  });
  expect(m.statusCode, m.body).toBe(200);
  for (const x of m.json().tasks as { id: string; title: string }[]) task[x.title] = x.id;
  return p.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const db = t.database.db;
  const czCommunity = await makeOrg(db, 'community', null, '五心苑社区');
  const cfCommunity = await makeOrg(db, 'community', null, '银马社区');
  const cf = await makeAccount(db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  const cp = await makeAccount(db, [{ role: 'community_partner', orgId: czCommunity.id }]);
  [czSecretary, czOfficer, czVolunteer, cfSecretary, community] = await signInAll(
    t.app,
    [w.czSecretary.login, w.czOfficer.login, w.czVolunteer.login, cf.login, cp.login],
    TEST_PASSWORD,
  );
  czPartnership = await agreementWithMeeting(czSecretary, w.czBranch.id, czCommunity.id, '五心苑结对', [
    { title: '春节前走访独居老人', ownerName: '张书记', ownerOrgId: w.czBranch.id, dueOn: addDays(today, -3) },
    { title: '联合开展反诈宣传', ownerName: '李主任', ownerOrgId: czCommunity.id, dueOn: addDays(today, 10) },
    { title: '整理共建台账', ownerName: '王委员', dueOn: addDays(today, -10) },
  ]);
  cfPartnership = await agreementWithMeeting(cfSecretary, w.cfBranch.id, cfCommunity.id, '银马结对', [
    { title: '赤峰的任务', ownerName: '包书记', dueOn: addDays(today, -1) },
  ]);
  // Done on the agreement's own page: the list across agreements shows it done too.
  const done = await czSecretary.inject({
    method: 'POST',
    url: `/api/partnerships/${czPartnership}/tasks/${task['整理共建台账']}`,
    payload: { done: true },
  });
  expect(done.statusCode, done.body).toBe(200);
});
afterAll(() => t.close());

describe('meeting tasks across a unit', () => {
  it('lists the tasks of the agreements in reach: open first by due date, overdue flagged, with owner and agreement', async () => {
    const res = await czSecretary.inject({ method: 'GET', url: '/api/meeting-tasks' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(titles(res)).toEqual(['春节前走访独居老人', '联合开展反诈宣传', '整理共建台账']);
    expect(body.items[0]).toMatchObject({
      ownerName: '张书记',
      ownerOrgName: w.czBranch.name,
      dueOn: addDays(today, -3),
      overdue: true,
      done: false,
      partnershipId: czPartnership,
      partnershipTitle: '五心苑结对',
      heldOn: addDays(today, -30),
    });
    expect(body.items[1]).toMatchObject({ overdue: false, done: false, ownerOrgName: '五心苑社区' });
    // Past due but done is not overdue.
    expect(body.items[2]).toMatchObject({ overdue: false, done: true, ownerOrgName: null });
    expect(body.items[2].doneAt).toEqual(expect.any(String));
    expect(body.counts).toEqual({ open: 2, overdue: 1, done: 1 });
    expect(body.total).toBe(3);
  });

  it('filters by status and by overdue', async () => {
    const get = (q: string) => czSecretary.inject({ method: 'GET', url: `/api/meeting-tasks?${q}` });
    expect(titles(await get('status=open'))).toEqual(['春节前走访独居老人', '联合开展反诈宣传']);
    expect(titles(await get('status=done'))).toEqual(['整理共建台账']);
    const overdue = await get('overdue=true');
    expect(titles(overdue)).toEqual(['春节前走访独居老人']);
    expect(overdue.json()).toMatchObject({ total: 1, counts: { open: 2, overdue: 1, done: 1 } });
    expect((await get('status=bogus')).statusCode).toBe(400);
  });

  it('is scoped: another city’s tasks stay out, and a unit outside reach cannot be asked for', async () => {
    expect(titles(await cfSecretary.inject({ method: 'GET', url: '/api/meeting-tasks' }))).toEqual(['赤峰的任务']);
    expect((await cfSecretary.inject({ method: 'GET', url: `/api/meeting-tasks?orgId=${w.czBranch.id}` })).statusCode).toBe(404);
    // The city committee sees its branches' agreements; the community sees the agreements it is in.
    expect(titles(await czOfficer.inject({ method: 'GET', url: `/api/meeting-tasks?orgId=${w.changzhou.id}` }))).toHaveLength(3);
    expect(titles(await community.inject({ method: 'GET', url: '/api/meeting-tasks?status=open' }))).toEqual([
      '春节前走访独居老人',
      '联合开展反诈宣传',
    ]);
  });

  it('marks a task done from the list; it leaves the overdue filter, and only those who keep the agreement may', async () => {
    const id = task['春节前走访独居老人']!;
    const mark = (client: Client, done = true) => client.inject({ method: 'POST', url: `/api/meeting-tasks/${id}`, payload: { done } });
    expect((await mark(cfSecretary)).statusCode).toBe(404);
    expect((await mark(czVolunteer)).statusCode).toBe(403);
    const res = await mark(czSecretary);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id, done: true, overdue: false, partnershipTitle: '五心苑结对' });
    const firstDoneAt = res.json().doneAt;
    // A second tap (another tab, a retry) keeps the first time it was done.
    expect((await mark(czSecretary)).json().doneAt).toBe(firstDoneAt);

    const overdue = (await czSecretary.inject({ method: 'GET', url: '/api/meeting-tasks?overdue=true' })).json();
    expect(overdue).toMatchObject({ items: [], counts: { open: 1, overdue: 0, done: 2 } });
    const meetings = (await czSecretary.inject({ method: 'GET', url: `/api/partnerships/${czPartnership}/meetings` })).json();
    expect(meetings.items[0].tasks.find((x: { id: string }) => x.id === id).done).toBe(true);

    const reopened = await mark(czSecretary, false);
    expect(reopened.json()).toMatchObject({ done: false, overdue: true, doneAt: null });
    expect(
      (await czSecretary.inject({ method: 'POST', url: `/api/meeting-tasks/${cfPartnership}`, payload: { done: true } })).statusCode,
    ).toBe(404);
  });
});
