import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { createSignupsService } from './signups.service.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let czSecretary: Client, cfSecretary: Client, czVolunteer: Client;
let police: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const district = await makeOrg(t.database.db, 'district', null, '常州市钟楼区');
  police = await makeOrg(t.database.db, 'police_station', district, '南大街派出所');
  const cf = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  [czSecretary, cfSecretary, czVolunteer] = await signInAll(t.app, [w.czSecretary.login, cf.login, w.czVolunteer.login], TEST_PASSWORD);
});
afterAll(() => t.close());

const at = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();

async function publishedActivity(capacity: number | null, extra: object = {}) {
  const res = await czSecretary.inject({
    method: 'POST',
    url: '/api/activities',
    payload: {
      orgId: w.czBranch.id,
      kindId: 'anti_fraud',
      title: '反诈宣传进社区',
      startsAt: at(1),
      endsAt: at(1.1),
      capacity,
      organiserIds: [police.id],
      location: '社区广场',
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  const activity = res.json();
  const pub = await czSecretary.inject({ method: 'POST', url: `/api/activities/${activity.id}/transition`, payload: { to: 'published' } });
  expect(pub.json().status).toBe('published');
  return pub.json();
}

const signUp = (token: string, name: string, phone: string) =>
  t.app.inject({ method: 'POST', url: `/api/public/activities/${token}/signups`, payload: { name, phone, consent: true } });

describe('activities', () => {
  it('are co-organised and seen by organisers only', async () => {
    const a = await publishedActivity(10);
    expect(a.organisers.map((o: { name: string }) => o.name).sort()).toEqual([w.czBranch.name, '南大街派出所'].sort());
    expect((await cfSecretary.inject({ method: 'GET', url: `/api/activities/${a.id}` })).statusCode).toBe(404);
    expect((await cfSecretary.inject({ method: 'GET', url: '/api/activities' })).json().items).toEqual([]);
    expect((await czVolunteer.inject({ method: 'GET', url: `/api/activities/${a.id}` })).statusCode).toBe(200);
    expect((await czVolunteer.inject({ method: 'PATCH', url: `/api/activities/${a.id}`, payload: { title: 'x' } })).statusCode).toBe(403);
  });

  it('has no public page while a draft', async () => {
    const draft = (
      await czSecretary.inject({
        method: 'POST',
        url: '/api/activities',
        payload: { orgId: w.czBranch.id, kindId: 'party_lesson', title: '党课', startsAt: at(2), endsAt: at(2.1) },
      })
    ).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/public/activities/${draft.publicToken}` })).statusCode).toBe(404);
    expect((await signUp(draft.publicToken, '张三', '13800000001')).statusCode).toBe(404);
  });

  it('fills places, puts the next person on the waiting list, and a retry returns the same sign-up', async () => {
    const a = await publishedActivity(2);
    const first = (await signUp(a.publicToken, '王芳', '13800000011')).json();
    const again = (await signUp(a.publicToken, '王芳', '13800000011')).json();
    expect(again.code).toBe(first.code);
    expect(first.status).toBe('confirmed');
    expect((await signUp(a.publicToken, '李强', '13800000012')).json().status).toBe('confirmed');
    const third = (await signUp(a.publicToken, '赵敏', '13800000013')).json();
    expect(third).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, phoneMasked: '138****0013' });
    const page = (await t.app.inject({ method: 'GET', url: `/api/public/activities/${a.publicToken}` })).json();
    expect(page).toMatchObject({ placesLeft: 0, waitlistCount: 1, capacity: 2 });
    expect(JSON.stringify(page)).not.toContain('王芳');
  });

  it('offers a freed place to the next person for a limited time, then to the one after', async () => {
    const a = await publishedActivity(1);
    const first = (await signUp(a.publicToken, '甲', '13800000021')).json();
    const second = (await signUp(a.publicToken, '乙', '13800000022')).json();
    const third = (await signUp(a.publicToken, '丙', '13800000023')).json();
    expect((await t.app.inject({ method: 'POST', url: `/api/public/signups/${first.code}/cancel` })).json().status).toBe('cancelled');
    const offered = (await t.app.inject({ method: 'GET', url: `/api/public/signups/${second.code}` })).json();
    expect(offered.status).toBe('offered');
    // The person next in line is told by text message, with the link to take the place up.
    const told = await t.database.db.execute(
      sql`select recipient_masked, link, body from outbox_messages where kind = 'signup.offer' and link = ${`/s/${second.code}`}`,
    );
    expect((told as unknown as { rows: unknown[] }).rows).toEqual([
      expect.objectContaining({ recipient_masked: '138****0022', link: `/s/${second.code}` }),
    ]);
    expect(Date.parse(offered.offerExpiresAt)).toBeGreaterThan(Date.now());
    // Nobody else may take the held place meanwhile.
    expect((await signUp(a.publicToken, '丁', '13800000024')).json().status).toBe('waitlisted');
    // The offer lapses; the place moves on to the third person.
    await t.database.db.execute(sql`update signups set offer_expires_at = now() - interval '1 minute' where code = ${second.code}`);
    const late = await t.app.inject({ method: 'POST', url: `/api/public/signups/${second.code}/accept` });
    expect(late.statusCode).toBe(400);
    expect(late.json().details[0].message).toBe('这个名额已过保留时间或已被取消');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/signups/${third.code}` })).json().status).toBe('offered');
    const accepted = (await t.app.inject({ method: 'POST', url: `/api/public/signups/${third.code}/accept` })).json();
    expect(accepted.status).toBe('confirmed');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/activities/${a.publicToken}` })).json().placesLeft).toBe(0);
  });

  it('rejects a malformed phone beside the field and requires consent', async () => {
    const a = await publishedActivity(5);
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/public/activities/${a.publicToken}/signups`,
      payload: { name: '钱', phone: '12345', consent: false },
    });
    expect(bad.statusCode).toBe(400);
    const byPath = Object.fromEntries(bad.json().details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(byPath).toEqual({ phone: '手机号格式不正确，应为 11 位数字，以 1 开头', consent: '请阅读并同意个人信息使用说明' });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/activities/${a.publicToken}` })).json().placesLeft).toBe(5);
  });

  it('counts a check-in once, however often it is scanned, and records walk-ins', async () => {
    const a = await publishedActivity(5);
    const s = (await signUp(a.publicToken, '孙丽', '13800000031')).json();
    const scans = await Promise.all(
      [1, 2, 3].map(() =>
        t.app.inject({ method: 'POST', url: `/api/public/activities/${a.publicToken}/checkins`, payload: { code: s.code } }),
      ),
    );
    expect(scans.map((r) => r.json().firstTime).filter(Boolean)).toHaveLength(1);
    const staff = (await czVolunteer.inject({ method: 'POST', url: `/api/activities/${a.id}/checkins`, payload: { code: s.code } })).json();
    expect(staff).toMatchObject({ firstTime: false, attendanceCount: 1 });
    const walkin = (
      await czVolunteer.inject({
        method: 'POST',
        url: `/api/activities/${a.id}/checkins`,
        payload: { walkin: { name: '周大爷', phone: null } },
      })
    ).json();
    expect(walkin).toMatchObject({ firstTime: true, method: 'walkin', attendanceCount: 2 });
    // A walk-in who had signed up is the same person: no double count.
    const dup = (
      await czVolunteer.inject({
        method: 'POST',
        url: `/api/activities/${a.id}/checkins`,
        payload: { walkin: { name: '孙丽', phone: '13800000031' } },
      })
    ).json();
    expect(dup).toMatchObject({ firstTime: false, attendanceCount: 2 });
    expect(
      (await cfSecretary.inject({ method: 'POST', url: `/api/activities/${a.id}/checkins`, payload: { code: s.code } })).statusCode,
    ).toBe(404);
    const list = (await czSecretary.inject({ method: 'GET', url: `/api/activities/${a.id}/signups` })).json();
    expect(list.items.filter((i: { checkedInAt: string | null }) => i.checkedInAt)).toHaveLength(2);
  });

  it('checks in by name and phone when the code is not on this phone; a wrong name finds nobody', async () => {
    const a = await publishedActivity(5);
    await signUp(a.publicToken, '钱阿姨', '13800000041');
    const byPhone = (name: string, phone: string) =>
      t.app.inject({ method: 'POST', url: `/api/public/activities/${a.publicToken}/checkins/by-phone`, payload: { name, phone } });
    expect((await byPhone('钱阿', '13800000041')).statusCode).toBe(404);
    expect((await byPhone('钱阿姨', '13800000049')).statusCode).toBe(404);
    expect((await byPhone('钱阿姨', '1380000004')).json().details[0].path).toBe('phone');
    const [first, again] = await Promise.all([byPhone('钱阿姨', '13800000041'), byPhone(' 钱阿姨 ', '13800000041')]);
    expect([first.json().firstTime, again.json().firstTime].sort()).toEqual([false, true]);
    expect((await czSecretary.inject({ method: 'GET', url: `/api/activities/${a.id}` })).json().attendanceCount).toBe(1);
  });

  it('closing says which required outcome figures are missing, then closes with them', async () => {
    const a = await publishedActivity(null, { kindId: 'welfare_visit' });
    const missing = await czSecretary.inject({ method: 'POST', url: `/api/activities/${a.id}/transition`, payload: { to: 'closed' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([
      { path: 'outcome.households_visited', code: 'custom', message: '关闭活动前请填写此项成效数据' },
    ]);
    const closed = (
      await czSecretary.inject({
        method: 'POST',
        url: `/api/activities/${a.id}/transition`,
        payload: { to: 'closed', outcome: { households_visited: 23, value_donated_fen: 120000 } },
      })
    ).json();
    expect(closed).toMatchObject({ status: 'closed', outcome: { households_visited: 23, value_donated_fen: 120000 } });
    expect((await signUp(a.publicToken, '吴', '13800000041')).json().details[0].message).toBe('本活动目前不接受报名');
    const again = await czSecretary.inject({
      method: 'POST',
      url: `/api/activities/${a.id}/transition`,
      payload: { to: 'closed', outcome: { households_visited: 1 } },
    });
    expect(again.json().details[0].message).toBe('当前状态下不能进行此操作');
  });

  it('takes a headcount of people who did not check in when it closes, added to those who did', async () => {
    const a = await publishedActivity(null);
    const s = (await signUp(a.publicToken, '郑', '13800000061')).json();
    await czVolunteer.inject({ method: 'POST', url: `/api/activities/${a.id}/checkins`, payload: { code: s.code } });
    const close = (payload: object) =>
      czSecretary.inject({ method: 'POST', url: `/api/activities/${a.id}/transition`, payload: { to: 'closed', ...payload } });
    // Before it closes there is no headcount to give; a negative one is refused beside the field.
    const early = await czSecretary.inject({
      method: 'POST',
      url: `/api/activities/${a.id}/transition`,
      payload: { to: 'in_progress', attendanceByHand: 5 },
    });
    expect(early.json().details).toEqual([{ path: 'attendanceByHand', code: 'custom', message: '未签到的参与人数在结束活动时填写' }]);
    const negative = await close({ attendanceByHand: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().details[0].path).toBe('attendanceByHand');
    expect((await czSecretary.inject({ method: 'GET', url: `/api/activities/${a.id}` })).json()).toMatchObject({
      status: 'published',
      attendanceCount: 1,
      attendanceByHand: 0,
    });
    const closed = await close({ attendanceByHand: 40, outcome: { people_served: 41 } });
    expect(closed.json()).toMatchObject({ status: 'closed', attendanceCount: 41, attendanceByHand: 40 });
  });

  it('never lowers capacity below the places taken', async () => {
    const a = await publishedActivity(2);
    await signUp(a.publicToken, '一', '13800000051');
    await signUp(a.publicToken, '二', '13800000052');
    const res = await czSecretary.inject({ method: 'PATCH', url: `/api/activities/${a.id}`, payload: { capacity: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'capacity', message: '名额不能少于已报名人数' });
  });
});

describe('concurrency, settled in the database', () => {
  it('gives exactly one place when many sign up at once for a capacity of one', async () => {
    const a = await publishedActivity(1);
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signUp(a.publicToken, `居民${i}`, `139${String(i).padStart(8, '0')}`)),
    );
    const statuses = results.map((r) => r.json().status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(24);
  });

  it('counts each of many simultaneous self check-ins once, repeats and a second server included', async () => {
    const a = await publishedActivity(null);
    const codes: string[] = [];
    for (let i = 0; i < 30; i++) codes.push((await signUp(a.publicToken, `签到${i}`, `136${String(i).padStart(8, '0')}`)).json().code);
    const full = await publishedActivity(1);
    await signUp(full.publicToken, '有名额', '13500000001');
    const waiting = (await signUp(full.publicToken, '候补', '13500000002')).json();
    const other = (await signUp(full.publicToken, '别的活动', '13500000003')).json();
    const closed = await publishedActivity(null);
    const late = (await signUp(closed.publicToken, '迟到', '13500000004')).json();
    const closing = await czSecretary.inject({
      method: 'POST',
      url: `/api/activities/${closed.id}/transition`,
      payload: { to: 'closed', outcome: { people_served: 1 } },
    });
    expect(closing.json().status).toBe('closed');

    // A second process: its own batcher on the same database.
    const otherServer = createSignupsService(t.database.db, t.services.crypto, t.services.activities, t.services.notifier);
    const scan = (token: string, code: string) =>
      t.app.inject({ method: 'POST', url: `/api/public/activities/${token}/checkins`, payload: { code } });
    const [viaHttp, viaOther, wrong] = await Promise.all([
      Promise.all([...codes, ...codes, ...codes].map((code) => scan(a.publicToken, code))),
      Promise.all([...codes, ...codes].map((code) => otherServer.selfCheckIn(a.publicToken, code))),
      Promise.all([
        scan(a.publicToken, 'no-such-code-123'),
        scan(a.publicToken, other.code),
        scan(full.publicToken, waiting.code),
        scan(closed.publicToken, late.code),
        scan('no-such-token-123', codes[0]!),
      ]),
    ]);

    const results = [...viaHttp.map((r) => (expect(r.statusCode, r.body).toBe(200), r.json())), ...viaOther];
    const firsts = results.filter((r) => r.firstTime);
    expect(firsts).toHaveLength(30);
    expect(new Set(firsts.map((r) => r.name)).size).toBe(30);
    expect(results.every((r) => r.method === 'self')).toBe(true);

    expect(wrong.map((r) => r.statusCode)).toEqual([404, 404, 400, 400, 404]);
    expect(wrong[2]!.json().details[0]).toMatchObject({ path: 'code', message: '您还没有确认的名额，请联系工作人员' });
    expect(wrong[3]!.json().details[0]).toMatchObject({ path: 'activity', message: '本活动目前不能签到' });

    const { rows } = await t.database.withConnection((q) =>
      q(
        `select (select count(*)::int from signups s where s.activity_id = a.id and s.checked_in_at is not null) as checked,
           (select count(*)::int from signups s where s.activity_id = a.id and s.checkin_method = 'self') as self
         from activities a where a.id = $1`,
        [a.id],
      ),
    );
    expect(rows[0]).toEqual({ checked: 30, self: 30 });
    const again = await scan(a.publicToken, codes[7]!);
    expect(again.json()).toMatchObject({ firstTime: false, name: '签到7' });
    // The attendance the staff see is the check-ins counted: 30, however many scans and servers.
    expect((await czSecretary.inject({ method: 'GET', url: `/api/activities/${a.id}` })).json().attendanceCount).toBe(30);
  });

  it('makes one sign-up of one phone submitted many times at once', async () => {
    const a = await publishedActivity(3);
    const results = await Promise.all(Array.from({ length: 10 }, () => signUp(a.publicToken, '重复', '13700000099')));
    expect(new Set(results.map((r) => r.json().code)).size).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/activities/${a.publicToken}` })).json().placesLeft).toBe(2);
  });
});
