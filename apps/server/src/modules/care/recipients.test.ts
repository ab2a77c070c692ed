import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../platform/ids.js';
import { withName } from '../../platform/notify.js';
import {
  auditLog,
  careConsents,
  careContacts,
  careRecipients,
  careVisits,
  outboxMessages,
  wristbandBatches,
  wristbands,
  wristbandScans,
} from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { enrol, makeCareWorld, recipientInput, visitPayload, type CareWorld } from './care.fixtures.js';

let t: TestApp;
let w: CareWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCareWorld(t);
});
afterAll(() => t.close());

const audits = (action: string, entityId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

describe('care recipients and their privacy', () => {
  it('enrolment records consent and masks everything; bad input names the field', async () => {
    const r = (await w.partner.client.inject({ method: 'POST', url: '/api/care/recipients', payload: recipientInput(w) })).json();
    expect(r).toMatchObject({
      name: '王秀兰',
      phoneMasked: '138****5678',
      addressMasked: '常州市武进区****',
      hasHealthNotes: true,
      frequency: 'weekly',
      mainVolunteer: { id: w.carrier.personId, name: '李建国' },
      consent: { givenBy: '王小明', byProxy: true, proxyRelation: '儿子', purposes: ['visits', 'family_reports', 'alerts'] },
    });
    expect(r.contacts.map((c: { addressMasked: string }) => c.addressMasked)).toEqual(['x***@example.com', '139****4321', '137****1111']);
    const [row] = await t.database.db.select().from(careRecipients).where(eq(careRecipients.id, r.id));
    expect(JSON.stringify(row)).not.toMatch(/王秀兰|五心苑12幢|高血压|13812345678/);

    const bad = async (overrides: Record<string, unknown>) =>
      (await w.partner.client.inject({ method: 'POST', url: '/api/care/recipients', payload: recipientInput(w, overrides) })).json();
    expect((await bad({ family: Array(4).fill(recipientInput(w).family[0]) })).details[0].path).toBe('family');
    expect((await bad({ family: [{ name: '甲', relation: '儿子', channel: 'email', to: '13900001111' }] })).details[0]).toMatchObject({
      path: 'family.0.to',
      message: '邮箱地址格式不正确',
    });
    expect((await bad({ consent: { givenBy: '甲', byProxy: true, purposes: ['visits'] } })).details[0].path).toBe('consent.proxyRelation');
    expect((await bad({ backupVolunteerId: w.carrier.personId })).details[0].message).toBe('主责志愿者和备岗志愿者不能是同一人');
    expect((await bad({ orgId: w.community.id })).details[0].message).toBe('服务对象须登记在网格之下');
    expect((await w.cfPartner.client.inject({ method: 'POST', url: '/api/care/recipients', payload: recipientInput(w) })).statusCode).toBe(
      404,
    );
    expect((await w.carrier.client.inject({ method: 'POST', url: '/api/care/recipients', payload: recipientInput(w) })).statusCode).toBe(
      404,
    );
  });

  it('address and health notes only for the paired volunteers and the grid’s partner, and every look is audited', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '张桂英' }));
    for (const who of [w.carrier, w.backup, w.partner]) {
      const res = await who.client.inject({ method: 'POST', url: `/api/care/recipients/${id}/reveal` });
      expect(res.json()).toEqual({
        phone: '13812345678',
        address: '常州市武进区奔牛镇五心苑12幢301室',
        healthNotes: '高血压，每天早晚服药；右腿行动不便',
      });
    }
    expect(await audits('care.reveal', id)).toHaveLength(3);
    // Across the fence: another carrier of the same branch, another city, the branch secretary.
    for (const who of [w.stranger, w.cfPartner, w.cfCarrier, w.secretary]) {
      expect((await who.client.inject({ method: 'POST', url: `/api/care/recipients/${id}/reveal` })).statusCode).toBe(404);
      expect((await who.client.inject({ method: 'GET', url: `/api/care/recipients/${id}` })).statusCode).toBe(404);
      expect((await who.client.inject({ method: 'GET', url: `/api/care/recipients/${id}/visits` })).statusCode).toBe(404);
    }
    expect((await w.cfPartner.client.inject({ method: 'GET', url: '/api/care/recipients' })).json().total).toBe(0);
    expect((await w.stranger.client.inject({ method: 'GET', url: '/api/care/route' })).json().items).toEqual([]);
    expect(await audits('care.reveal', id)).toHaveLength(3);

    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id) });
    const visits = (await w.partner.client.inject({ method: 'GET', url: `/api/care/recipients/${id}/visits` })).json();
    // The note stays closed in the list; it is opened for one visit on request, and that look is audited.
    expect(visits.items[0]).toMatchObject({ note: null, hasNote: true, volunteerName: '李建国' });
    const note = await w.partner.client.inject({ method: 'POST', url: `/api/care/visits/${visits.items[0].id}/note` });
    expect(note.json()).toEqual({ note: '血压偏高，已提醒按时服药' });
    expect(await audits('care.visit_note_view', visits.items[0].id)).toHaveLength(1);
  });

  it('the family page shows recent visits by its private link, without the note', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '赵阿婆' }));
    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id, { concern: 'watch' }) });
    const reports = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.refId, id), eq(outboxMessages.kind, 'care.visit_report')));
    const report = reports.find((m) => t.services.crypto.decrypt(m.recipientNameEnc!) === '王小明');
    const token = report!.link!.slice(3);
    const page = await t.app.inject({ method: 'GET', url: `/api/public/care/family/${token}` });
    expect(page.json()).toMatchObject({ recipientName: '赵阿婆', contactName: '王小明', shares: 'checklist' });
    expect(page.json().visits[0]).toMatchObject({ volunteerName: '李师傅', concern: 'watch', helpGiven: ['cleaning', 'postal_errands'] });
    expect(page.body).not.toMatch(/血压|李建国|五心苑12幢/);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/care/family/${'x'.repeat(43)}` })).statusCode).toBe(404);
  });

  it('family contacts’ names are sealed in the database, and opened for their report, their page and the export', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '孙阿婆' }));
    const rows = await t.database.db.select().from(careContacts).where(eq(careContacts.recipientId, id));
    expect(rows.filter((c) => c.kind === 'family').map((c) => c.name)).toEqual(['王**', '王**']);
    expect(JSON.stringify(rows)).not.toMatch(/王小明|王小红|刘阿姨/);
    // The son who consented by proxy: sealed too.
    const consents = await t.database.db.select().from(careConsents).where(eq(careConsents.recipientId, id));
    expect(consents.map((c) => c.givenBy)).toEqual(['王**']);
    expect(JSON.stringify(consents)).not.toMatch(/王小明/);

    // The console: masked in the list, in clear on the recipient's page for those who may see their address.
    const names = (body: { contacts: { kind: string; name: string }[] }) =>
      body.contacts.filter((c) => c.kind === 'family').map((c) => c.name);
    const listed = (await w.partner.client.inject({ method: 'GET', url: '/api/care/recipients?pageSize=100' })).json();
    expect(names(listed.items.find((r: { id: string }) => r.id === id))).toEqual(['王**', '王**']);
    expect(listed.items.find((r: { id: string }) => r.id === id).consent.givenBy).toBe('王**');
    const detail = (await w.partner.client.inject({ method: 'GET', url: `/api/care/recipients/${id}` })).json();
    expect(detail.consent.givenBy).toBe('王小明');
    expect(names(detail)).toEqual(['王小明', '王小红']);

    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id) });
    const reports = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.refId, id), eq(outboxMessages.kind, 'care.visit_report')));
    // The outbox holds the names masked and encrypted, out of the greeting too; delivery writes them back.
    expect(JSON.stringify(reports)).not.toMatch(/王小明|王小红/);
    expect(reports.map((m) => m.recipientNameMasked)).toEqual(['王**', '王**']);
    const report = reports.find((m) => t.services.crypto.decrypt(m.recipientNameEnc!) === '王小明')!;
    expect(report.body).toMatch(/^\{\{toName\}\}您好：/);
    expect(withName(report.body, '王小明', '孙阿婆')).toMatch(/^王小明您好：李建国于.*探访了孙阿婆/);
    const page = await t.app.inject({ method: 'GET', url: `/api/public/care/family/${report.link!.slice(3)}` });
    expect(page.json()).toMatchObject({ recipientName: '孙阿婆', contactName: '王小明' });

    const exported = (await w.partner.client.inject({ method: 'GET', url: `/api/care/recipients/${id}/export` })).json();
    expect(exported.contacts.map((c: { name: string }) => c.name)).toEqual(['王小明', '王小红', '刘阿姨']);
    expect(exported.consents.map((c: { givenBy: string }) => c.givenBy)).toEqual(['王小明']);
    expect(JSON.stringify(exported.consents)).not.toContain('givenByEnc');
  });

  it('withdrawing consent erases personal data but keeps the count; export and deletion are audited', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '钱奶奶' }));
    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id) });
    const exported = await w.partner.client.inject({ method: 'GET', url: `/api/care/recipients/${id}/export` });
    expect(exported.headers['content-disposition']).toContain('attachment');
    expect(exported.json()).toMatchObject({
      recipient: { name: '钱奶奶', healthNotes: '高血压，每天早晚服药；右腿行动不便' },
      visits: [{ note: '血压偏高，已提醒按时服药' }],
    });
    expect(await audits('care.export', id)).toHaveLength(1);
    expect((await w.carrier.client.inject({ method: 'GET', url: `/api/care/recipients/${id}/export` })).statusCode).toBe(404);

    const token = (await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.refId, id)))[0]!.link!.slice(3);
    // A wristband she wears, and a scan of it: both must not outlive her consent.
    const batchId = uuidv7();
    const bandId = uuidv7();
    await t.database.db.insert(wristbandBatches).values({ id: batchId, orgId: w.grid.id, label: '测试批次', size: 1 });
    await t.database.db
      .insert(wristbands)
      .values({ id: bandId, code: `TEST${bandId.slice(-12).toUpperCase()}`, batchId, orgId: w.grid.id, status: 'bound', recipientId: id });
    await t.database.db.insert(wristbandScans).values({ id: uuidv7(), wristbandId: bandId, recipientId: id });
    const withdrawn = (await w.partner.client.inject({ method: 'POST', url: `/api/care/recipients/${id}/withdraw-consent` })).json();
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      name: '已撤回同意',
      addressMasked: null,
      contacts: [],
      visitCount: 1,
      mainVolunteer: null,
    });
    expect(withdrawn.consent.withdrawnAt).toBeTruthy();
    const [v] = await t.database.db.select().from(careVisits).where(eq(careVisits.recipientId, id));
    expect(v).toMatchObject({ noteEnc: null, answers: null });
    expect(await t.database.db.$count(careContacts, eq(careContacts.recipientId, id))).toBe(0);
    expect(await t.database.db.$count(outboxMessages, eq(outboxMessages.refId, id))).toBe(0);
    const [band] = await t.database.db.select().from(wristbands).where(eq(wristbands.id, bandId));
    expect(band).toMatchObject({ status: 'retired', recipientId: null });
    expect(await t.database.db.$count(wristbandScans, eq(wristbandScans.recipientId, id))).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/care/family/${token}` })).statusCode).toBe(404);
    const late = await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id) });
    expect(late.statusCode).toBe(403); // no longer paired with anyone

    expect((await w.partner.client.inject({ method: 'DELETE', url: `/api/care/recipients/${id}` })).statusCode).toBe(200);
    expect((await w.partner.client.inject({ method: 'GET', url: `/api/care/recipients/${id}` })).statusCode).toBe(404);
    expect(await audits('care.delete', id)).toHaveLength(1);
    expect(await t.database.db.$count(careVisits, eq(careVisits.recipientId, id))).toBe(0);
  });
});
