import { eq, sql } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { uuidv7 } from '../../platform/ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, persons } from '../../db/schema/index.js';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeTwoCities, TEST_PASSWORD, unique } from '../../test/factories.js';
import { recordHours } from './hours.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let secretary: Client, volunteer: Client, cfSecretary: Client;
let volunteerPersonId: string;

async function makePerson(orgId: string, name: string) {
  const id = uuidv7();
  await t.database.db.insert(persons).values({ id, orgId, name, kinds: ['volunteer'] });
  return id;
}

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
  const cf = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  volunteerPersonId = await makePerson(w.czBranch.id, '张志愿');
  await t.database.db.update(accounts).set({ personId: volunteerPersonId }).where(eq(accounts.id, w.czVolunteer.id));
  [secretary, volunteer, cfSecretary] = await signInAll(t.app, [w.czSecretary.login, w.czVolunteer.login, cf.login], TEST_PASSWORD);
});
afterAll(() => t.close());

const post = (c: Client, url: string, payload: object = {}) => c.inject({ method: 'POST', url, payload });
const get = (c: Client, url: string) => c.inject({ method: 'GET', url });

describe('volunteer teams and hours', () => {
  let teamId: string;

  it('a team records who joined and left when, and counts its size month by month', async () => {
    const res = await post(secretary, '/api/volunteer-teams', { orgId: w.czBranch.id, kind: 'carrier', name: unique('志愿者邮路') });
    expect(res.statusCode, res.body).toBe(200);
    teamId = res.json().id;
    const other = await makePerson(w.czBranch.id, '李投递');
    expect(
      (await post(secretary, `/api/volunteer-teams/${teamId}/members`, { personId: volunteerPersonId, joinedOn: '2024-01-10' })).statusCode,
    ).toBe(200);
    // Two taps on "add" at once make one membership.
    const twice = await Promise.all(
      [1, 2].map(() => post(secretary, `/api/volunteer-teams/${teamId}/members`, { personId: other, joinedOn: '2024-02-05' })),
    );
    expect(twice.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const left = await post(secretary, `/api/volunteer-teams/${teamId}/members/${other}/leave`, { leftOn: '2024-03-15' });
    expect(left.statusCode, left.body).toBe(200);
    const team = left.json();
    expect(team.members).toBe(1);
    expect(team.roster).toHaveLength(2);
    expect(team.growth.slice(0, 3)).toEqual([
      { month: '2024-01', members: 1 },
      { month: '2024-02', members: 2 },
      { month: '2024-03', members: 1 },
    ]);
    const bad = await post(secretary, `/api/volunteer-teams/${teamId}/members/${volunteerPersonId}/leave`, { leftOn: '2023-12-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ path: 'leftOn', message: '离队日期不能早于入队日期' });
    const growthRes = await get(secretary, `/api/volunteer-teams/growth?orgId=${w.czBranch.id}`);
    expect(growthRes.statusCode, growthRes.body).toBe(200);
    const growth = growthRes.json();
    expect(growth.points[1]).toEqual({ month: '2024-02', members: 2 });
  });

  it('another city sees neither the team nor the volunteer, and cannot add members', async () => {
    expect((await get(cfSecretary, `/api/volunteer-teams/${teamId}`)).statusCode).toBe(404);
    expect((await get(cfSecretary, '/api/volunteer-teams')).json().items).toEqual([]);
    expect((await get(cfSecretary, `/api/volunteers/${volunteerPersonId}`)).statusCode).toBe(404);
    expect(
      (await post(cfSecretary, `/api/volunteer-teams/${teamId}/members`, { personId: volunteerPersonId, joinedOn: '2024-05-01' }))
        .statusCode,
    ).toBe(404);
    // A volunteer may read teams but not manage them.
    expect(
      (await post(volunteer, '/api/volunteer-teams', { orgId: w.czBranch.id, kind: 'leifeng', name: '学雷锋小分队' })).statusCode,
    ).toBe(403);
  });

  it('a shift check-in is one shift however often it is sent, and check-out records its hours once', async () => {
    const ins = await Promise.all([1, 2, 3].map(() => post(volunteer, '/api/volunteer-shifts', { teamId, place: '奔牛驿站' })));
    expect(new Set(ins.map((r) => r.json().id)).size).toBe(1);
    const shiftId = ins[0]!.json().id;
    await t.database.db.execute(sql`update volunteer_shifts set checked_in_at = now() - interval '150 minutes' where id = ${shiftId}`);
    const outs = await Promise.all([1, 2].map(() => post(volunteer, `/api/volunteer-shifts/${shiftId}/check-out`)));
    expect(outs.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(outs[0]!.json().minutes).toBe(150);
    const mine = (await get(volunteer, `/api/volunteer-hours?personId=${volunteerPersonId}`)).json();
    expect(mine.items.filter((h: { source: string }) => h.source === 'shift')).toHaveLength(1);
    expect((await get(volunteer, '/api/volunteer-shifts/open')).json()).toEqual({ shift: null });
  });

  it('hours from a visit are recorded once, approved once by a coordinator, and only approved hours count', async () => {
    const visitId = uuidv7();
    const fact = {
      personId: volunteerPersonId,
      orgId: w.czBranch.id,
      source: 'visit' as const,
      sourceId: visitId,
      startedAt: new Date('2024-04-01T02:00:00Z'),
      minutes: 45,
    };
    const first = await recordHours(t.database.db, fact);
    const again = await recordHours(t.database.db, fact);
    expect(again).toEqual({ id: first.id, created: false });
    const pending = (await get(secretary, '/api/volunteer-hours?status=pending')).json().items;
    expect(pending.map((h: { minutes: number }) => h.minutes).sort()).toEqual([150, 45]);
    // The volunteer cannot approve their own hours, another city cannot either.
    expect((await post(volunteer, `/api/volunteer-hours/${first.id}/decision`, { decision: 'approved' })).statusCode).toBe(403);
    expect((await post(cfSecretary, `/api/volunteer-hours/${first.id}/decision`, { decision: 'approved' })).statusCode).toBe(404);
    const decisions = await Promise.all([
      post(secretary, `/api/volunteer-hours/${first.id}/decision`, { decision: 'approved' }),
      post(secretary, `/api/volunteer-hours/${first.id}/decision`, { decision: 'rejected' }),
    ]);
    expect(decisions.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const shift = pending.find((h: { source: string }) => h.source === 'shift');
    const approved = await post(secretary, `/api/volunteer-hours/${shift.id}/decision`, { decision: 'approved' });
    expect(approved.json().status).toBe('approved');
    const record = (await get(volunteer, `/api/volunteers/${volunteerPersonId}`)).json();
    const expected = 150 + (decisions.find((r) => r.statusCode === 200)!.json().status === 'approved' ? 45 : 0);
    expect(record).toMatchObject({ name: '张志愿', approvedMinutes: expected, pendingMinutes: 0 });
    expect(record.teams[0]).toMatchObject({ kind: 'carrier', joinedOn: '2024-01-10', leftOn: null });
  });

  it('the certificate of hours is a PDF with the name and the approved hours', async () => {
    const res = await get(volunteer, `/api/volunteers/${volunteerPersonId}/certificate.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const record = (await get(secretary, `/api/volunteers/${volunteerPersonId}`)).json();
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('志愿服务时长证明');
    expect(text).toContain('张志愿');
    expect(text).toContain(`${(Math.round(record.approvedMinutes / 6) / 10).toFixed(1)} 小时`);
    expect((await get(cfSecretary, `/api/volunteers/${volunteerPersonId}/certificate.pdf`)).statusCode).toBe(404);
  });
});
