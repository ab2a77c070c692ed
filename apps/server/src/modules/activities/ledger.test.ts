import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let czSecretary: Client, czOfficer: Client;
let activity: { id: string; publicToken: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const police = await makeOrg(t.database.db, 'police_station', null, '东亭派出所');
  [czSecretary, czOfficer] = await signInAll(t.app, [w.czSecretary.login, w.czOfficer.login], TEST_PASSWORD);
  activity = (
    await czSecretary.inject({
      method: 'POST',
      url: '/api/activities',
      payload: {
        orgId: w.czBranch.id,
        kindId: 'donation',
        title: '爱心书屋捐赠, 暨"读书月"',
        startsAt: '2026-03-05T01:30:00Z',
        endsAt: '2026-03-05T03:30:00Z',
        location: '银马社区活动室',
        description: '向社区捐赠图书；\n共 600 册。',
        organiserIds: [police.id],
      },
    })
  ).json();
  await czSecretary.inject({ method: 'POST', url: `/api/activities/${activity.id}/transition`, payload: { to: 'published' } });
  await czSecretary.inject({
    method: 'POST',
    url: `/api/activities/${activity.id}/checkins`,
    payload: { walkin: { name: '居民甲', phone: null } },
  });
  await czSecretary.inject({
    method: 'POST',
    url: `/api/activities/${activity.id}/quotes`,
    payload: { speaker: '银马社区书记', text: '书屋成了孩子们放学后的去处', consent: true },
  });
  await czSecretary.inject({
    method: 'POST',
    url: `/api/activities/${activity.id}/transition`,
    payload: { to: 'closed', outcome: { value_donated_fen: 1200000 } },
  });
});
afterAll(() => t.close());

describe('the ledger', () => {
  it('exports the activities of a subtree and period to Excel in the hand-kept layout', async () => {
    const res = await czOfficer.inject({
      method: 'GET',
      url: `/api/activities/ledger.xlsx?orgId=${w.changzhou.id}&from=2026-03-01T00:00:00%2B08:00&to=2026-03-31T23:59:59%2B08:00`,
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toContain(w.changzhou.name);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '日期',
      '时间',
      '地点',
      '组织单位',
      '活动类型',
      '活动主题',
      '参加人数',
      '活动内容',
      '成效',
      '照片',
      '状态',
    ]);
    const row = sheet.getRow(3).values as unknown[];
    expect(row.slice(1, 10)).toEqual([
      '2026-03-05',
      '09:30–11:30',
      '银马社区活动室',
      `${w.czBranch.name}、东亭派出所`,
      '爱心捐赠',
      '爱心书屋捐赠, 暨"读书月"',
      1,
      '向社区捐赠图书；\n共 600 册。\n“书屋成了孩子们放学后的去处”——银马社区书记',
      '捐赠价值（元） 12000.00',
    ]);
    expect(sheet.rowCount).toBe(3);
  });

  it('leaves out what lies outside the period or the caller’s scope', async () => {
    const april = await czOfficer.inject({
      method: 'GET',
      url: `/api/activities/ledger.xlsx?from=2026-04-01T00:00:00Z&to=2026-04-30T00:00:00Z`,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(april.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(2);
    expect(
      (
        await czOfficer.inject({
          method: 'GET',
          url: `/api/activities/ledger.xlsx?orgId=${w.chifeng.id}&from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z`,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('the calendar feed', () => {
  it('lists published activities of a unit as iCalendar, escaped and folded', async () => {
    const soon = (
      await czSecretary.inject({
        method: 'POST',
        url: '/api/activities',
        payload: {
          orgId: w.czBranch.id,
          kindId: 'party_lesson',
          title: '集邮党课：我和我的祖国',
          startsAt: new Date(Date.now() + 86400_000).toISOString(),
          endsAt: new Date(Date.now() + 90000_000).toISOString(),
        },
      })
    ).json();
    await czSecretary.inject({ method: 'POST', url: `/api/activities/${soon.id}/transition`, payload: { to: 'published' } });
    const res = await t.app.inject({ method: 'GET', url: `/api/public/orgs/${w.changzhou.id}/calendar.ics` });
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(res.body).toContain(`UID:${soon.id}@youshe`);
    expect(res.body).toContain('SUMMARY:集邮党课：我和我的祖国');
    expect(res.body).toContain(`/a/${soon.publicToken}`);
    for (const line of res.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/orgs/${w.chifeng.id}/calendar.ics` })).body).not.toContain('VEVENT');
  });
});
