import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, careRecipients, careVisits } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { enrol, makeCareWorld, recipientInput, visitPayload, type CareWorld } from './care.fixtures.js';

let t: TestApp;
let w: CareWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCareWorld(t);
});
afterAll(() => t.close());

const DAY = 86_400_000;
const audits = (action: string, entityId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
const routeIds = async (who: CareWorld['carrier']) =>
  ((await who.client.inject({ method: 'GET', url: '/api/care/route' })).json().items as { id: string }[]).map((s) => s.id);

describe('changing care after enrolment', () => {
  it('the plan: frequency, help and the family’s items change for the carrier at once; audited; bad input names the field', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '许奶奶', frequency: 'monthly' }));
    await w.carrier.client.inject({
      method: 'POST',
      url: '/api/care/visits',
      payload: visitPayload(id, { visitedAt: new Date(Date.now() - 10 * DAY).toISOString(), lateReason: '补录' }),
    });
    let stop = (await w.carrier.client.inject({ method: 'GET', url: '/api/care/route' }))
      .json()
      .items.find((s: { id: string }) => s.id === id);
    expect(stop).toMatchObject({ frequency: 'monthly', dueToday: false });

    const plan = { frequency: 'weekly', helpWanted: ['haircut'], extraItems: ['blood_pressure', 'mood', 'gas_stove'] };
    const res = await w.partner.client.inject({ method: 'PUT', url: `/api/care/recipients/${id}/plan`, payload: plan });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject(plan);
    // Ten days since the visit on a weekly plan: due today on the carrier's round, and the visit page asks the new items.
    stop = (await w.carrier.client.inject({ method: 'GET', url: '/api/care/route' })).json().items.find((s: { id: string }) => s.id === id);
    expect(stop).toMatchObject({
      frequency: 'weekly',
      dueToday: true,
      overdue: true,
      extraItems: plan.extraItems,
      helpWanted: ['haircut'],
    });
    // Overdue by the new plan, but not alerted by an office edit: the carriers get the weekly grace (2 days) from now.
    const [row] = await t.database.db.select().from(careRecipients).where(eq(careRecipients.id, id));
    expect(row!.intervalDays).toBe(7);
    expect(row!.missedAfter.getTime() - Date.now()).toBeGreaterThan(1.9 * DAY);
    expect(await t.services.careAlerts.scanMissed('all')).toBe(0);
    const [audit] = await audits('care.plan', id);
    expect(audit!.details).toMatchObject({ before: { frequency: 'monthly' }, after: { frequency: 'weekly' } });

    const bad = async (payload: object) =>
      (await w.partner.client.inject({ method: 'PUT', url: `/api/care/recipients/${id}/plan`, payload })).json();
    expect((await bad({ ...plan, extraItems: ['mood', 'hearing', 'eyesight', 'walking'] })).details[0].path).toBe('extraItems');
    expect((await bad({ ...plan, frequency: 'hourly' })).details[0].path).toBe('frequency');
    // Who may not: the carrier (a volunteer), another city (cannot even tell it exists), the branch secretary (reads only).
    expect((await w.carrier.client.inject({ method: 'PUT', url: `/api/care/recipients/${id}/plan`, payload: plan })).statusCode).toBe(404);
    expect((await w.cfPartner.client.inject({ method: 'PUT', url: `/api/care/recipients/${id}/plan`, payload: plan })).statusCode).toBe(
      404,
    );
    expect((await w.secretary.client.inject({ method: 'PUT', url: `/api/care/recipients/${id}/plan`, payload: plan })).statusCode).toBe(
      404,
    );
  });

  it('the pairing: the new carriers see the person on their round and may log visits, the old one no longer', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '蒋阿公' }));
    expect(await routeIds(w.carrier)).toContain(id);
    const res = await w.partner.client.inject({
      method: 'PUT',
      url: `/api/care/recipients/${id}/pairing`,
      payload: { mainVolunteerId: w.stranger.personId, backupVolunteerId: w.carrier.personId },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().backupVolunteer).toMatchObject({ id: w.carrier.personId, name: '李建国' });
    expect(await routeIds(w.stranger)).toContain(id);
    expect(await routeIds(w.backup)).not.toContain(id);
    const stop = (await w.carrier.client.inject({ method: 'GET', url: '/api/care/route' }))
      .json()
      .items.find((s: { id: string }) => s.id === id);
    expect(stop.role).toBe('backup');
    const refused = await w.backup.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id) });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().details[0]).toMatchObject({ path: 'recipientId', message: '您不是这位老人的结对志愿者，不能为其记录探访' });
    expect((await w.stranger.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id) })).statusCode).toBe(200);
    const [audit] = await audits('care.pairing', id);
    expect(audit!.details).toMatchObject({ before: { mainVolunteerId: w.carrier.personId, backupVolunteerId: w.backup.personId } });

    const same = await w.partner.client.inject({
      method: 'PUT',
      url: `/api/care/recipients/${id}/pairing`,
      payload: { mainVolunteerId: w.stranger.personId, backupVolunteerId: w.stranger.personId },
    });
    expect(same.json().details[0]).toMatchObject({ path: 'backupVolunteerId', message: '主责志愿者和备岗志愿者不能是同一人' });
    const far = await w.cfPartner.client.inject({
      method: 'PUT',
      url: `/api/care/recipients/${id}/pairing`,
      payload: { mainVolunteerId: w.cfCarrier.personId, backupVolunteerId: null },
    });
    expect(far.statusCode).toBe(404);

    // After consent is withdrawn there is nobody left to pair or plan for.
    await w.partner.client.inject({ method: 'POST', url: `/api/care/recipients/${id}/withdraw-consent` });
    const late = await w.partner.client.inject({
      method: 'PUT',
      url: `/api/care/recipients/${id}/plan`,
      payload: { frequency: 'daily', helpWanted: [], extraItems: [] },
    });
    expect(late.json().details[0].path).toBe('status');
  });
});

describe('a recipient’s visit history', () => {
  it('lists visits newest first, a page at a time; notes and photos open one by one and each look is audited', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '韩老师' }));
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY - 3600_000).toISOString();
    const payloads = [
      visitPayload(id, {
        visitedAt: at(3),
        helpGiven: ['haircut'],
        confirmation: 'signature',
        signature: 'data:image/png;base64,iVBORw0KGgo=',
      }),
      visitPayload(id, { visitedAt: at(2), presence: 'not_home_reached', concern: 'watch', note: undefined, answers: {} }),
      visitPayload(id, { visitedAt: at(1), note: '说最近睡不好，已告诉女儿' }),
    ];
    const sent = await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits/batch', payload: { visits: payloads } });
    expect(sent.json().results.map((r: { status: string }) => r.status)).toEqual(['created', 'created', 'created']);
    await t.database.db
      .update(careVisits)
      .set({ photoEnc: t.services.crypto.encrypt('AAAA') })
      .where(eq(careVisits.id, payloads[0]!.id));

    const page = async (who: CareWorld['partner'], q: string) =>
      (await who.client.inject({ method: 'GET', url: `/api/care/recipients/${id}/visits?${q}` })).json();
    const first = await page(w.partner, 'pageSize=2');
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items.map((v: { id: string }) => v.id)).toEqual([payloads[2]!.id, payloads[1]!.id]);
    expect(first.items[0]).toMatchObject({ volunteerName: '李建国', presence: 'visited', note: null, hasNote: true, hasPhoto: false });
    expect(first.items[0].answers).toMatchObject({ sleep: 'concern' });
    expect(first.items[1]).toMatchObject({ presence: 'not_home_reached', concern: 'watch', hasNote: false });
    const second = await page(w.partner, 'pageSize=2&page=2');
    expect(second.items).toHaveLength(1);
    expect(second.items[0]).toMatchObject({ id: payloads[0]!.id, helpGiven: ['haircut'], hasSignature: true, hasPhoto: true });
    expect(JSON.stringify([first, second])).not.toMatch(/睡不好|血压偏高/);
    expect(await audits('care.visit_note_view', payloads[2]!.id)).toHaveLength(0);

    const note = await w.partner.client.inject({ method: 'POST', url: `/api/care/visits/${payloads[2]!.id}/note` });
    expect(note.json()).toEqual({ note: '说最近睡不好，已告诉女儿' });
    const [audit] = await audits('care.visit_note_view', payloads[2]!.id);
    expect(audit).toMatchObject({ actorLogin: w.partner.login });
    const photo = await w.partner.client.inject({ method: 'GET', url: `/api/care/visits/${payloads[0]!.id}/photo` });
    expect(photo.statusCode).toBe(200);
    expect(await audits('care.visit_photo_view', payloads[0]!.id)).toHaveLength(1);

    // The backup carrier goes to the door too: they read the history and may open its notes.
    const backup = (await w.backup.client.inject({ method: 'GET', url: `/api/care/recipients/${id}/visits?pageSize=1` })).json();
    expect(backup).toMatchObject({ total: 3, items: [{ hasNote: true, note: null }] });
  });

  it('another city’s recipient: its history, notes and photos are 404, as if it did not exist', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '冯大姐' }));
    const v = visitPayload(id);
    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: v });
    for (const who of [w.cfPartner, w.cfCarrier, w.stranger]) {
      expect((await who.client.inject({ method: 'GET', url: `/api/care/recipients/${id}/visits` })).statusCode).toBe(404);
      expect((await who.client.inject({ method: 'POST', url: `/api/care/visits/${v.id}/note` })).statusCode).toBe(404);
    }
    expect(
      (await w.cfPartner.client.inject({ method: 'POST', url: `/api/care/visits/${'0'.repeat(8)}-0000-7000-8000-000000000000/note` }))
        .statusCode,
    ).toBe(404);
    expect(await audits('care.visit_note_view', v.id)).toHaveLength(0);
  });
});
