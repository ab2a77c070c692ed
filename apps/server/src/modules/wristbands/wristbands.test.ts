import { eq } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { uuidv7 } from '../../platform/ids.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog, careConsents, careContacts, careRecipients, outboxMessages, persons } from '../../db/schema/index.js';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { groupedCode, newCode, normaliseCode } from './codes.js';
import { forgetRecipientWristbands, wristbandScansOf } from './for-care.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let community: Client, cfSecretary: Client, volunteer: Client, secretary: Client;
let grid: { id: string; path: string; depth: number };
let recipientId: string;
const NAME = '陈秀英';
const PHONE = '13861112222';
const ADDRESS = '常州市新北区五心苑3幢2单元501';

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++)
    text += (await (await pdf.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join('');
  return text;
}

/**
 * A recipient as the care module keeps one: encrypted name, phone and address, a daughter who gets messages, and
 * consent for the purposes given (the wristband among them unless said otherwise).
 */
async function makeRecipient(orgId: string, purposes = ['visits', 'alerts', 'wristband']) {
  const id = uuidv7();
  const c = t.services.crypto;
  await t.database.db.insert(careRecipients).values({
    id,
    orgId,
    nameEnc: c.encrypt(NAME),
    nameMasked: '陈*英',
    phoneEnc: c.encrypt(PHONE),
    phoneMasked: '138****2222',
    addressEnc: c.encrypt(ADDRESS),
    addressMasked: '常州市新北区****',
    circumstances: ['dementia'],
    frequency: 'weekly',
    intervalDays: 7,
    helpWanted: [],
    extraItems: [],
    missedAfter: new Date(Date.now() + 9 * 86400_000),
  });
  await t.database.db.insert(careContacts).values({
    id: uuidv7(),
    recipientId: id,
    kind: 'family',
    position: 1,
    name: '王丽',
    relation: '女儿',
    channel: 'email',
    addressEnc: c.encrypt('wangli@example.org'),
    addressMasked: 'w***@example.org',
  });
  await t.database.db
    .insert(careConsents)
    .values({ id: uuidv7(), recipientId: id, givenBy: '王丽', byProxy: true, proxyRelation: '女儿', purposes, givenAt: new Date() });
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const district = await makeOrg(t.database.db, 'district', null, '常州市新北区');
  const street = await makeOrg(t.database.db, 'street', district, '罗溪镇');
  const communityOrg = await makeOrg(t.database.db, 'community', street, '五心苑社区');
  grid = await makeOrg(t.database.db, 'grid', communityOrg, '五心苑第三网格');
  const cp = await makeAccount(t.database.db, [{ role: 'community_partner', orgId: communityOrg.id }]);
  // The community partner has a phone in the directory: the SMS gateway reaches them.
  const personId = uuidv7();
  await t.database.db.insert(persons).values({
    id: personId,
    orgId: communityOrg.id,
    name: '刘书记',
    kinds: ['staff'],
    phoneEnc: t.services.crypto.encrypt('13700001111'),
    phoneMasked: '137****1111',
  });
  await t.database.db.update(accounts).set({ personId }).where(eq(accounts.id, cp.id));
  const cf = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  // Manages the community's wristbands (wristband.manage) but may not reveal its elders (no care.reveal).
  const bs = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: communityOrg.id }]);
  [community, cfSecretary, volunteer, secretary] = await signInAll(
    t.app,
    [cp.login, cf.login, w.czVolunteer.login, bs.login],
    TEST_PASSWORD,
  );
  recipientId = await makeRecipient(grid.id);
});
afterAll(() => t.close());

const post = (c: Client, url: string, payload: object = {}) => c.inject({ method: 'POST', url, payload });

describe('codes', () => {
  it('are 20 base32 characters of randomness, read back however they are typed', () => {
    const codes = new Set(Array.from({ length: 2000 }, newCode));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-7]{20}$/);
    const code = [...codes][0]!;
    expect(normaliseCode(groupedCode(code).toLowerCase())).toBe(code);
    expect(normaliseCode('NOT-A-CODE')).toBeNull();
  });
});

describe('anti-lost wristbands', () => {
  let bandId: string, code: string, batchId: string;

  it('a batch of codes prints as labels with the codes under QR codes', async () => {
    const res = await post(community, '/api/wristband-batches', { orgId: grid.id, label: '2025年第一批', size: 20 });
    expect(res.statusCode, res.body).toBe(200);
    batchId = res.json().id;
    const list = (await community.inject({ method: 'GET', url: `/api/wristbands?batchId=${batchId}` })).json();
    expect(list.total).toBe(20);
    bandId = list.items[0].id;
    code = list.items[0].code;
    const pdf = await community.inject({ method: 'GET', url: `/api/wristband-batches/${batchId}/labels.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('防走失');
    for (const item of list.items) expect(text).toContain(groupedCode(item.code));
    expect((await cfSecretary.inject({ method: 'GET', url: `/api/wristband-batches/${batchId}/labels.pdf` })).statusCode).toBe(404);
  });

  it('binds to a recipient once; another city and a volunteer cannot touch it', async () => {
    expect((await post(cfSecretary, `/api/wristbands/${bandId}/bind`, { recipientId })).statusCode).toBe(404);
    expect((await post(volunteer, `/api/wristbands/${bandId}/bind`, { recipientId })).statusCode).toBe(404);
    const both = await Promise.all([
      post(community, `/api/wristbands/${bandId}/bind`, { recipientId }),
      post(community, `/api/wristbands/${bandId}/bind`, { recipientId }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const refused = both.find((r) => r.statusCode === 400)!.json();
    expect(refused.details[0]).toMatchObject({ path: 'id', message: '这个手环已绑定、已挂失或已停用' });
    // The wearer's name by the care pages' rule: in clear for the community partner, who may reveal them.
    expect(both.find((r) => r.statusCode === 200)!.json()).toMatchObject({ status: 'bound', recipientId, recipientName: NAME });
    const listed = await community.inject({ method: 'GET', url: `/api/wristbands?recipientId=${recipientId}` });
    expect(listed.json().items).toMatchObject([{ id: bandId, recipientName: NAME }]);
    // A branch secretary managing the same bands, without care.reveal: masked in the list and the detail, nowhere in clear.
    const theirs = [
      await secretary.inject({ method: 'GET', url: `/api/wristbands?recipientId=${recipientId}` }),
      await secretary.inject({ method: 'GET', url: `/api/wristbands/${bandId}` }),
    ];
    expect(theirs.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(theirs[0]!.json().items).toMatchObject([{ id: bandId, recipientName: '陈*英' }]);
    expect(theirs[1]!.json()).toMatchObject({ id: bandId, recipientName: '陈*英' });
    for (const r of theirs) expect(r.body).not.toContain(NAME);
  });

  it('binds only to someone whose consent covers the wristband, and says so in the caller’s language', async () => {
    const withoutPurpose = await makeRecipient(grid.id, ['visits', 'family_reports', 'alerts']);
    const withPurpose = await makeRecipient(grid.id);
    const batch = (await post(community, '/api/wristband-batches', { orgId: grid.id, label: '同意核对', size: 2 })).json();
    const [first, second] = (await community.inject({ method: 'GET', url: `/api/wristbands?batchId=${batch.id}` })).json().items;

    const refused = await post(community, `/api/wristbands/${first.id}/bind`, { recipientId: withoutPurpose });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details[0]).toMatchObject({
      path: 'recipientId',
      message: '这位老人登记的同意范围不含“防走失手环”，不能为其绑定手环',
    });
    const inEnglish = await community.inject({
      method: 'POST',
      url: `/api/wristbands/${first.id}/bind`,
      headers: { 'accept-language': 'en' },
      payload: { recipientId: withoutPurpose },
    });
    expect(inEnglish.json().details[0].message).toMatch(/consent .* does not cover the anti-lost wristband/);
    expect((await community.inject({ method: 'GET', url: `/api/wristbands/${first.id}` })).json()).toMatchObject({
      status: 'unbound',
      recipientId: null,
    });
    expect(await t.database.db.query.auditLog.findMany({ where: eq(auditLog.entityId, first.id) })).toEqual([]);

    const bound = await post(community, `/api/wristbands/${second.id}/bind`, { recipientId: withPurpose });
    expect(bound.statusCode, bound.body).toBe(200);
    expect(bound.json()).toMatchObject({ status: 'bound', recipientId: withPurpose });
  });

  it('a finder sees nothing personal, presses the button, and the family and the community are told, with the location', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/api/public/wristbands/${code.toLowerCase()}`, remoteAddress: '10.9.0.1' });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ active: true });
    for (const secret of [NAME, PHONE, ADDRESS, '陈*英', '王丽', 'wangli']) expect(page.body).not.toContain(secret);
    const press = await t.app.inject({
      method: 'POST',
      url: `/api/public/wristbands/${code}/alert`,
      remoteAddress: '10.9.0.1',
      payload: { scanId: page.json().scanId, lat: 31.81, lng: 119.97, accuracy: 25, callbackPhone: '13955556666', note: '老人在公交站' },
    });
    expect(press.statusCode, press.body).toBe(200);
    expect(press.json()).toEqual({ notified: true });
    for (const secret of [NAME, PHONE, ADDRESS]) expect(press.body).not.toContain(secret);
    // Pressing again for the same view notifies nobody twice.
    await t.app.inject({
      method: 'POST',
      url: `/api/public/wristbands/${code}/alert`,
      remoteAddress: '10.9.0.1',
      payload: { scanId: page.json().scanId },
    });
    const found = await t.database.db.query.outboxMessages.findMany({ where: eq(outboxMessages.kind, 'wristband.found') });
    expect(found.map((m) => m.recipientMasked).sort()).toEqual(['137****1111', 'w***@example.org']);
    const family = found.find((m) => m.channel === 'email')!;
    expect(family.body).toContain('119.970000,31.810000');
    expect(family.body).toContain('139****6666');
    expect(family.body).not.toContain('13955556666');
    // The community sees the family's message in its outbox, and the scan in the wristband's log.
    const outbox = (await community.inject({ method: 'GET', url: '/api/outbox?kind=wristband.found' })).json();
    expect(outbox.items.map((m: { recipientMasked: string }) => m.recipientMasked)).toContain('w***@example.org');
    expect((await cfSecretary.inject({ method: 'GET', url: '/api/outbox?kind=wristband.found' })).json().total).toBe(0);
    const detail = (await community.inject({ method: 'GET', url: `/api/wristbands/${bandId}` })).json();
    expect(detail.scanLog).toHaveLength(1);
    expect(detail.scanLog[0]).toMatchObject({
      lat: 31.81,
      lng: 119.97,
      accuracyM: 25,
      callbackPhoneMasked: '139****6666',
      note: '老人在公交站',
    });
    const reveal = await post(community, `/api/wristband-scans/${detail.scanLog[0].id}/reveal`);
    expect(reveal.json()).toEqual({ callbackPhone: '13955556666' });
    const audit = await t.database.db.query.auditLog.findMany({ where: eq(auditLog.action, 'wristband.reveal_callback') });
    expect(audit).toHaveLength(1);
  });

  it('a bad callback number is refused with a message, and nothing is sent', async () => {
    const before = (await t.database.db.query.outboxMessages.findMany()).length;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/public/wristbands/${code}/alert`,
      remoteAddress: '10.9.0.2',
      payload: { callbackPhone: '12345' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'callbackPhone', message: '手机号格式不正确，应为 11 位数字，以 1 开头' });
    expect((await t.database.db.query.outboxMessages.findMany()).length).toBe(before);
  });

  it('unknown, unbound and retired codes get the same calm answer, and scanning is rate-limited per address', async () => {
    const list = (await community.inject({ method: 'GET', url: `/api/wristbands?batchId=${batchId}&status=unbound` })).json();
    for (const c of ['ZZZZZZZZZZZZZZZZZZZZ', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ', list.items[0].code]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/wristbands/${c}`, remoteAddress: '10.9.0.3' });
      expect(res.statusCode, c).toBe(200);
      expect(res.json()).toEqual({ active: false, scanId: null });
    }
    // What cannot be a code at all is refused with a message (the page shows it as "not registered").
    for (const c of ['x', '%E4%BD%A0%E5%A5%BD', 'A'.repeat(40)]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/wristbands/${c}`, remoteAddress: '10.9.0.3' });
      expect(res.statusCode, c).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    const retired = await post(community, `/api/wristbands/${bandId}/status`, { status: 'retired' });
    expect(retired.json().status).toBe('retired');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/wristbands/${code}`, remoteAddress: '10.9.0.3' })).json()).toEqual({
      active: false,
      scanId: null,
    });
    const press = await t.app.inject({
      method: 'POST',
      url: `/api/public/wristbands/${code}/alert`,
      remoteAddress: '10.9.0.3',
      payload: {},
    });
    expect(press.json()).toEqual({ notified: false });
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++)
      statuses.push(
        (await t.app.inject({ method: 'GET', url: `/api/public/wristbands/${newCode()}`, remoteAddress: '10.9.0.4' })).statusCode,
      );
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
  });
});

describe('erasing a recipient', () => {
  it('retires their wristbands and deletes their scans, and their code then alerts nobody', async () => {
    const other = await makeRecipient(grid.id);
    const batch = (await post(community, '/api/wristband-batches', { orgId: grid.id, label: '补发', size: 1 })).json();
    const band = (await community.inject({ method: 'GET', url: `/api/wristbands?batchId=${batch.id}` })).json().items[0];
    expect((await post(community, `/api/wristbands/${band.id}/bind`, { recipientId: other })).statusCode).toBe(200);
    await t.app.inject({ method: 'GET', url: `/api/public/wristbands/${band.code}`, remoteAddress: '10.9.0.8' });
    expect(await wristbandScansOf(t.database.db, other)).toHaveLength(1);
    await t.database.db.transaction((tx) => forgetRecipientWristbands(tx, other));
    expect(await wristbandScansOf(t.database.db, other)).toEqual([]);
    expect((await community.inject({ method: 'GET', url: `/api/wristbands/${band.id}` })).json()).toMatchObject({
      status: 'retired',
      recipientId: null,
      scanLog: [],
    });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/wristbands/${band.code}`, remoteAddress: '10.9.0.8' })).json()).toEqual({
      active: false,
      scanId: null,
    });
  });
});
