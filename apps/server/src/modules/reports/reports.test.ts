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

/** The text of each paragraph and table cell of a Word document, tags stripped. */
async function docxOf(data: Buffer) {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  const strip = (s: string) => s.replace(/<[^>]+>/g, '');
  const firstTable = /<w:tbl>.*?<\/w:tbl>/s.exec(xml)![0];
  const rows = [...firstTable.matchAll(/<w:tr[ >].*?<\/w:tr>/gs)].map((r) =>
    [...r[0].matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((c) => strip(c[0])),
  );
  return { zip, xml, text: strip(xml), figures: rows.slice(1) };
}

const GREEN = [0x0b, 0x6e, 0x4f];

/** The colour of a pixel of a PNG, at a point given in the chart's own (CSS pixel) coordinates. */
async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const scale = info.width / 600;
  const at = (Math.round(y * scale) * info.width + Math.round(x * scale)) * info.channels;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
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

describe('the chart in the Word report', () => {
  it('is a PNG drawn on the server, referenced from the document with a text alternative, showing the busy month', async () => {
    const res = await czOfficer.inject({
      method: 'GET',
      url: `/api/reports/download?orgId=${w.changzhou.id}&period=quarter&date=2026-03-01&format=docx`,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const { zip, xml } = await docxOf(res.rawPayload);
    const pngs = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
    expect(pngs).toHaveLength(1);
    const png = await zip.file(pngs[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([1200, 440]);

    // The document's relationships name the image, and the chart's drawing embeds it under that id.
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    const rel =
      new RegExp(`Id="(\\w+)"[^>]*Target="${pngs[0]!.slice(5)}"`).exec(rels) ??
      new RegExp(`Target="${pngs[0]!.slice(5)}"[^>]*Id="(\\w+)"`).exec(rels);
    expect(rel, rels).not.toBeNull();
    expect(xml).toContain(`r:embed="${rel![1]}"`);
    expect(xml).toContain('descr="各月开展共建活动次数柱状图"');
    // It comes under the month-by-month heading, before that section's table.
    const [at, heading, months] = [xml.indexOf(`r:embed="${rel![1]}"`), xml.indexOf('二、分月情况'), xml.indexOf('月份')];
    expect(heading).toBeGreaterThan(0);
    expect(at).toBeGreaterThan(heading);
    expect(at).toBeLessThan(months);

    // Three bars' places: January and February held nothing, March's one activity fills the height.
    const slot = 560 / 3;
    const middle = 110;
    expect(await pixel(png, 30 + slot * 0.5, middle)).toEqual([255, 255, 255]);
    expect(await pixel(png, 30 + slot * 1.5, middle)).toEqual([255, 255, 255]);
    expect(await pixel(png, 30 + slot * 2.5, middle)).toEqual(GREEN);
  });
});

describe("reports in the reader's language", () => {
  const LANGS = {
    'zh-CN': {
      title: '2026年3月党建共建工作报告',
      heading: '一、主要数据',
      activities: '开展共建活动（次）1',
      attendance: '参与群众（人次）3',
      outcome: '活动成效·服务人数86',
      kind: '反诈宣传',
      month: '2026年3月',
    },
    'zh-TW': {
      title: '2026年3月黨建共建工作報告',
      heading: '一、主要數據',
      activities: '開展共建活動（次）1',
      attendance: '參與群眾（人次）3',
      outcome: '活動成效·服務人數86',
      kind: '反詐宣傳',
      month: '2026年3月',
    },
    en: {
      title: 'Party-building co-construction report of 常州',
      heading: '1. Key figures',
      activities: 'Co-construction activities held1',
      attendance: 'People reached (attendances)3',
      outcome: 'Activity outcome: People served86',
      kind: 'Anti-fraud awareness',
      month: 'March 2026',
    },
  } as const;
  const url = (format: string, lang?: string) =>
    `/api/reports/download?orgId=${w.changzhou.id}&period=month&date=2026-03-15&format=${format}${lang ? `&lang=${lang}` : ''}`;

  it('writes the Word report in zh-CN, zh-TW and English with the same figures', async () => {
    const values: string[][] = [];
    for (const [lang, want] of Object.entries(LANGS)) {
      // The console's language arrives as Accept-Language.
      const res = await czOfficer.inject({ method: 'GET', url: url('docx'), headers: { 'accept-language': lang } });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const { text, figures } = await docxOf(res.rawPayload);
      for (const s of Object.values(want)) expect(text, lang).toContain(s);
      values.push(figures.map((r) => r[1]!));
      expect(figures.length).toBeGreaterThan(5);
    }
    expect(values[1]).toEqual(values[0]);
    expect(values[2]).toEqual(values[0]);
    const en = (await docxOf((await czOfficer.inject({ method: 'GET', url: url('docx', 'en') })).rawPayload)).text;
    // Only the records' own words (names, titles, quotes) stay Chinese.
    expect(en).not.toMatch(/统计范围|主要数据|分月情况|活动类型|主要活动|反诈宣传(?!进社区)/);
  });

  it('prints the PDF in each language, an explicit lang winning over the header', async () => {
    for (const [lang, want] of Object.entries(LANGS)) {
      const res = await czOfficer.inject({ method: 'GET', url: url('pdf', lang), headers: { 'accept-language': 'en-US,en;q=0.9' } });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      // A PDF breaks long lines where it must; compare without the breaks.
      const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
      for (const s of [want.title, want.heading, want.kind, want.month]) expect(text, lang).toContain(s.replace(/\s+/g, ''));
      expect(text, lang).toContain('反诈宣传进社区');
      expect(text, lang).toContain('86');
    }
    const quarter = await pdfText(
      (
        await czOfficer.inject({
          method: 'GET',
          url: `/api/reports/download?orgId=${w.changzhou.id}&period=quarter&date=2026-03-15&format=pdf`,
          headers: { 'accept-language': 'zh-TW' },
        })
      ).rawPayload,
    );
    expect(quarter).toContain('2026年第一季黨建共建工作報告');
    const year = await czOfficer.inject({ method: 'GET', url: `/api/reports/download?period=year&date=2026-03-15&format=pdf&lang=en` });
    expect((await pdfText(year.rawPayload)).replace(/\s+/g, '')).toContain('theyear2026');
    const bad = await czOfficer.inject({ method: 'GET', url: url('pdf', 'fr') });
    expect(bad.statusCode).toBe(400);
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
