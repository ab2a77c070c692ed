import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let czSecretary: Client, cfSecretary: Client;
let activity: { id: string; publicToken: string };

const questions = [
  { text: '中国共产党成立于哪一年？', options: ['1919', '1921', '1949'], answer: 1 },
  { text: '“我为群众办实事”是哪项活动的内容？', options: ['党史学习教育', '植树节'], answer: 0 },
  { text: '第一枚纪念邮票叫什么？', options: ['大龙邮票', '红印花', '万国邮联'], answer: 0 },
];

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const cf = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  [czSecretary, cfSecretary] = await signInAll(t.app, [w.czSecretary.login, cf.login], TEST_PASSWORD);
  activity = (
    await czSecretary.inject({
      method: 'POST',
      url: '/api/activities',
      payload: {
        orgId: w.czBranch.id,
        kindId: 'stamp_party_lesson',
        title: '集邮党课“我和我的祖国”',
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 7200_000).toISOString(),
      },
    })
  ).json();
  await czSecretary.inject({ method: 'POST', url: `/api/activities/${activity.id}/transition`, payload: { to: 'published' } });
});
afterAll(() => t.close());

const answer = (name: string, phone: string, answers: number[]) =>
  t.app.inject({ method: 'POST', url: `/api/public/activities/${activity.publicToken}/quiz`, payload: { name, phone, answers } });

describe('prize quiz', () => {
  it('runs from questions to scored answers to a fair, recorded draw', async () => {
    const none = await czSecretary.inject({ method: 'GET', url: `/api/activities/${activity.id}/quiz` });
    expect([none.statusCode, none.json()]).toEqual([200, null]);
    const bad = await czSecretary.inject({
      method: 'PUT',
      url: `/api/activities/${activity.id}/quiz`,
      payload: { title: '有奖问答', prizeCount: 2, questions: [{ text: 'x', options: ['a', 'b'], answer: 3 }] },
    });
    expect(bad.json().details[0]).toMatchObject({ path: 'questions.0.answer', message: '答案不在选项之中' });
    await czSecretary.inject({
      method: 'PUT',
      url: `/api/activities/${activity.id}/quiz`,
      payload: { title: '有奖问答', prizeCount: 2, questions },
    });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/activities/${activity.publicToken}/quiz` })).statusCode).toBe(404);
    await czSecretary.inject({ method: 'POST', url: `/api/activities/${activity.id}/quiz/status`, payload: { status: 'open' } });
    const page = (await t.app.inject({ method: 'GET', url: `/api/public/activities/${activity.publicToken}/quiz` })).json();
    expect(page.questions[0]).toEqual({ text: questions[0]!.text, options: questions[0]!.options });
    expect(JSON.stringify(page)).not.toContain('answer');

    const full = ['甲', '乙', '丙', '丁'].map((n, i) => answer(n, `1380000100${i}`, [1, 0, 0]));
    const results = await Promise.all([...full, answer('戊', '13800001009', [0, 0, 0])]);
    expect(results.map((r) => r.json().score)).toEqual([3, 3, 3, 3, 2]);
    const again = (await answer('甲', '13800001000', [0, 1, 1])).json();
    expect(again).toMatchObject({ score: 3, firstTime: false });
    expect((await answer('己', '13800001010', [1])).json().details[0].message).toBe('请回答全部题目');

    const drawn = (await czSecretary.inject({ method: 'POST', url: `/api/activities/${activity.id}/quiz/draw` })).json();
    expect(drawn.status).toBe('closed');
    expect(drawn.draw).toMatchObject({ topScore: 3, eligible: 4 });
    expect(drawn.draw.winners).toHaveLength(2);
    expect(
      drawn.draw.winners.every((w: { score: number; phoneMasked: string }) => w.score === 3 && /^138\*{4}\d{4}$/.test(w.phoneMasked)),
    ).toBe(true);
    // Anyone can re-check the draw from the seed and the entries' ids.
    const entries = await t.database.db.query.quizEntries.findMany();
    const expected = entries
      .filter((e) => e.score === 3)
      .sort((a, b) =>
        createHash('sha256')
          .update(drawn.draw.seed + a.id)
          .digest('hex')
          .localeCompare(
            createHash('sha256')
              .update(drawn.draw.seed + b.id)
              .digest('hex'),
          ),
      )
      .slice(0, 2)
      .map((e) => e.name);
    expect(drawn.draw.winners.map((w: { name: string }) => w.name)).toEqual(expected);
    const twice = await czSecretary.inject({ method: 'POST', url: `/api/activities/${activity.id}/quiz/draw` });
    expect(twice.json().details[0].message).toBe('已经抽过奖了，结果已记录');
    expect((await answer('庚', '13800001011', [1, 0, 0])).json().details[0].message).toBe('问答尚未开始或已经结束');
  });

  it('is out of reach of other cities', async () => {
    expect((await cfSecretary.inject({ method: 'GET', url: `/api/activities/${activity.id}/quiz` })).statusCode).toBe(404);
    expect((await cfSecretary.inject({ method: 'POST', url: `/api/activities/${activity.id}/quiz/draw` })).statusCode).toBe(404);
  });
});
