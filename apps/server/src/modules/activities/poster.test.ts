import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let czSecretary: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  [czSecretary] = await signInAll(t.app, [w.czSecretary.login], TEST_PASSWORD);
});
afterAll(() => t.close());

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
  }
  return text;
}

it('prints an A4 poster with what, when, where, who and the sign-up link under its QR code', async () => {
  const activity = (
    await czSecretary.inject({
      method: 'POST',
      url: '/api/activities',
      payload: {
        orgId: w.czBranch.id,
        kindId: 'anti_fraud',
        title: '反诈宣传进社区',
        startsAt: '2026-05-20T01:00:00Z',
        endsAt: '2026-05-20T03:00:00Z',
        location: '东亭街道文化广场',
        capacity: 50,
      },
    })
  ).json();
  const res = await czSecretary.inject({
    method: 'GET',
    url: `/api/activities/${activity.id}/poster.pdf`,
    headers: { host: 'youshe.example' },
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const text = await pdfText(res.rawPayload);
  for (const expected of [
    '反诈宣传进社区',
    '东亭街道文化广场',
    w.czBranch.name,
    '名额：50',
    '扫码报名',
    `http://youshe.example/a/${activity.publicToken}`,
  ]) {
    expect(text.replace(/\s/g, '')).toContain(expected.replace(/\s/g, ''));
  }
});
