import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { multipart } from '../../test/multipart.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let czSecretary: Client, czOfficer: Client, czVolunteer: Client;
let activityId: string;

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  return text;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const police = await makeOrg(t.database.db, 'police_station', null, '东亭派出所');
  [czSecretary, czOfficer, czVolunteer] = await signInAll(
    t.app,
    [w.czSecretary.login, w.czOfficer.login, w.czVolunteer.login],
    TEST_PASSWORD,
  );
  activityId = (
    await czSecretary.inject({
      method: 'POST',
      url: '/api/activities',
      payload: {
        orgId: w.czBranch.id,
        kindId: 'anti_fraud',
        title: '反诈宣传进社区',
        startsAt: '2026-03-05T01:30:00Z',
        endsAt: '2026-03-05T03:30:00Z',
        location: '五心苑社区广场',
        description: '民警讲解常见诈骗手法，党员志愿者发放宣传册',
        organiserIds: [police.id],
      },
    })
  ).json().id;
  await czSecretary.inject({ method: 'POST', url: `/api/activities/${activityId}/transition`, payload: { to: 'published' } });
  for (const name of ['居民甲', '居民乙', '居民丙'])
    await czSecretary.inject({ method: 'POST', url: `/api/activities/${activityId}/checkins`, payload: { walkin: { name, phone: null } } });
  await czSecretary.inject({
    method: 'POST',
    url: `/api/activities/${activityId}/quotes`,
    payload: { speaker: '居民王阿姨', text: '听了讲解，再接到陌生电话心里有底了', consent: true },
  });
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#0b6e4f' } })
    .jpeg()
    .toBuffer();
  const up = await czSecretary.inject({
    method: 'POST',
    url: `/api/activities/${activityId}/photos`,
    ...multipart(photo, 'a.jpg', 'image/jpeg', '宣传现场'),
  });
  expect(up.statusCode, up.body).toBe(200);
  await czSecretary.inject({
    method: 'POST',
    url: `/api/activities/${activityId}/transition`,
    payload: { to: 'closed', outcome: { people_served: 86, materials_handed_out: 240 } },
  });
});
afterAll(() => t.close());

describe('reports', () => {
  it("writes the city's monthly report as Word, with the figures, the activity, its quote and a photo", async () => {
    const res = await czOfficer.inject({
      method: 'GET',
      url: `/api/reports/download?orgId=${w.changzhou.id}&period=month&date=2026-03-15&format=docx`,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('2026年3月党建共建工作报告');
    expect(xml).toContain('开展共建活动（次）1');
    expect(xml).toContain('参与群众（人次）3');
    expect(xml).toContain('服务人数86');
    expect(xml).toContain('反诈宣传进社区');
    expect(xml).toContain('听了讲解，再接到陌生电话心里有底了');
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/'))).toBe(true);
  });

  it('prints the same report as a PDF, and a quarter or a year covers the month', async () => {
    const res = await czOfficer.inject({
      method: 'GET',
      url: `/api/reports/download?orgId=${w.changzhou.id}&period=quarter&date=2026-02-01&format=pdf`,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('2026年第一季度');
    expect(text).toContain('开展共建活动（次）');
    expect(text).toContain('反诈宣传进社区');
    expect(text).toContain('86');
    const year = await czSecretary.inject({ method: 'GET', url: `/api/reports/download?period=year&date=2026-06-01&format=docx` });
    expect(year.statusCode).toBe(200);
    const xml = (await (await JSZip.loadAsync(year.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('2026年度');
    expect(xml).toContain('参与群众（人次）3');
  });

  it('refuses other cities, those without the right and malformed periods', async () => {
    expect(
      (await czOfficer.inject({ method: 'GET', url: `/api/reports/download?orgId=${w.chifeng.id}&period=month&format=pdf` })).statusCode,
    ).toBe(404);
    expect((await czVolunteer.inject({ method: 'GET', url: `/api/reports/download?period=month&format=pdf` })).statusCode).toBe(403);
    const bad = await czOfficer.inject({ method: 'GET', url: `/api/reports/download?period=week&format=pdf` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
  });
});

describe('publicity', () => {
  it('drafts a news release from the records, lets people edit it, then tracks where it was published', async () => {
    const drafted = await czSecretary.inject({ method: 'POST', url: '/api/press-releases', payload: { activityId } });
    expect(drafted.statusCode, drafted.body).toBe(200);
    const r = drafted.json();
    expect(r.title).toContain('反诈宣传进社区');
    expect(r.lead).toMatch(/^3月5日，.+联合东亭派出所在五心苑社区广场开展“反诈宣传进社区”/);
    expect(r.lead).toContain('3名群众参加');
    expect(r.body).toContain('服务人数86人，发放资料240份');
    expect(r.body).toContain('“听了讲解，再接到陌生电话心里有底了。”居民王阿姨说。');
    const length = (r.lead + r.body).length;
    expect(length).toBeGreaterThanOrEqual(200);
    expect(length).toBeLessThanOrEqual(400);
    expect(r.photoIds).toHaveLength(1);

    // Two editors save at once from the same version: one wins, the other is told to reload.
    const edits = await Promise.all(
      ['甲', '乙'].map((who) =>
        czSecretary.inject({
          method: 'PUT',
          url: `/api/press-releases/${r.id}`,
          payload: { version: r.version, title: `${r.title}${who}`, lead: r.lead, body: r.body },
        }),
      ),
    );
    expect(edits.map((e) => e.statusCode).sort()).toEqual([200, 409]);
    const saved = edits.find((e) => e.statusCode === 200)!.json();
    expect(saved.version).toBe(2);

    const published = await czSecretary.inject({
      method: 'POST',
      url: `/api/press-releases/${r.id}/publish`,
      payload: { version: 2, outlet: '中国邮政报', publishedOn: '2026-03-08', link: 'https://example.org/news/1' },
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', outlet: '中国邮政报', publishedOn: '2026-03-08' });
    const list = (await czOfficer.inject({ method: 'GET', url: `/api/press-releases?orgId=${w.changzhou.id}&status=published` })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([r.id]);
  });

  it('checks the text and keeps other cities out', async () => {
    const mine = (await czOfficer.inject({ method: 'GET', url: '/api/press-releases' })).json().items[0];
    const bad = await czOfficer.inject({
      method: 'PUT',
      url: `/api/press-releases/${mine.id}`,
      payload: { version: mine.version, title: '', lead: 'x', body: 'y' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('title');
    const badLink = await czOfficer.inject({
      method: 'POST',
      url: `/api/press-releases/${mine.id}/publish`,
      payload: { version: mine.version, outlet: '报', publishedOn: '2026-03-08', link: 'javascript:alert(1)' },
    });
    expect(badLink.statusCode).toBe(400);
    const cf = await makeAccount(t.database.db, [{ role: 'committee_officer', orgId: w.chifeng.id }]);
    const [cfOfficer] = await signInAll(t.app, [cf.login], TEST_PASSWORD);
    expect((await cfOfficer.inject({ method: 'GET', url: `/api/press-releases/${mine.id}` })).statusCode).toBe(404);
    expect((await cfOfficer.inject({ method: 'GET', url: '/api/press-releases' })).json().items).toEqual([]);
    expect((await cfOfficer.inject({ method: 'POST', url: '/api/press-releases', payload: { activityId } })).statusCode).toBe(404);
    expect((await czVolunteer.inject({ method: 'POST', url: '/api/press-releases', payload: { activityId } })).statusCode).toBe(403);
  });
});
