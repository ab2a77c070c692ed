import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, careConsents, careContacts, outboxMessages } from '../../db/schema/index.js';
import { makeOrg } from '../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { sealLegacyNames } from './contacts.js';
import { enrol, makeCareWorld, makePersonAccount, recipientInput, visitPayload, type CareWorld } from './care.fixtures.js';

let t: TestApp;
let w: CareWorld;
/** A grid leader (网格长) who holds the community partner's role on the first grid only. */
let gridLeader: Client;
/** The leader of the second grid of the same community: a neighbour of ours, but not their recipient. */
let otherGridLeader: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCareWorld(t);
  const grid2 = await makeOrg(t.database.db, 'grid', w.community, '第二网格');
  gridLeader = (await makePersonAccount(t, w.crypto, w.grid, 'community_partner', w.grid, '陈网格长')).client;
  otherGridLeader = (await makePersonAccount(t, w.crypto, grid2, 'community_partner', grid2, '吴网格长')).client;
});
afterAll(() => t.close());

const url = (id: string, contactId?: string) => `/api/care/recipients/${id}/neighbours${contactId ? `/${contactId}` : ''}`;
const add = (who: Client, id: string, payload: object, headers: Record<string, string> = {}) =>
  who.inject({ method: 'POST', url: url(id), payload, headers });
const neighboursOf = (body: { contacts: { id: string; kind: string }[] }) => body.contacts.filter((c) => c.kind === 'neighbour');
const rowsOf = (recipientId: string) =>
  t.database.db
    .select()
    .from(careContacts)
    .where(and(eq(careContacts.recipientId, recipientId), eq(careContacts.kind, 'neighbour')));
const audits = (action: string, recipientId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, recipientId)));

describe('trusted neighbours after enrolment', () => {
  it('a grid leader adds one: stored encrypted, shown masked, audited without the values, and texted in an emergency', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '宋奶奶' }));
    const res = await add(gridLeader, id, { name: '马建军', relation: '楼下邻居', phone: '13700003333' });
    expect(res.statusCode, res.body).toBe(200);
    expect(neighboursOf(res.json())).toEqual([
      expect.objectContaining({ name: '刘**', relation: '对门邻居', addressMasked: '137****1111' }),
      expect.objectContaining({ name: '马**', relation: '楼下邻居', addressMasked: '137****3333' }),
    ]);
    expect(res.body).not.toMatch(/马建军|13700003333|刘阿姨/);
    // In the database: names and phones of both (the one from enrolment too) only as ciphertext and masked copies.
    const rows = await rowsOf(id);
    expect(rows.map((r) => r.position).sort()).toEqual([1, 2]);
    const stored = JSON.stringify(rows);
    expect(stored).not.toMatch(/马建军|13700003333|刘阿姨|13700001111/);
    expect(rows.map((r) => w.crypto.decrypt(r.nameEnc!)).sort()).toEqual(['刘阿姨', '马建军']);
    const [audit] = await audits('care.neighbour_add', id);
    expect(audit!.details).toMatchObject({
      before: null,
      after: { position: 2, name: '马**', relation: '楼下邻居', phone: '137****3333' },
    });
    expect(JSON.stringify(audit)).not.toMatch(/马建军|13700003333/);

    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id, { concern: 'urgent' }) });
    const texts = await t.database.db
      .select({ masked: outboxMessages.recipientNameMasked, enc: outboxMessages.recipientNameEnc, to: outboxMessages.recipientMasked })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.refId, id), like(outboxMessages.dedupeKey, '%:neighbour:%')));
    const named = texts.map(({ masked, enc, to }) => ({ masked, name: w.crypto.decrypt(enc!), to }));
    expect(named.sort((a, b) => a.to.localeCompare(b.to))).toEqual([
      { masked: '刘**', name: '刘阿姨', to: '137****1111' },
      { masked: '马**', name: '马建军', to: '137****3333' },
    ]);
  });

  it('changes one: what is left out stays, each change audited with the masked values before and after; a bad phone names the field', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '邓爷爷' }));
    const [first] = neighboursOf((await w.partner.client.inject({ method: 'GET', url: `/api/care/recipients/${id}` })).json());
    const put = (payload: object, headers: Record<string, string> = {}) =>
      w.partner.client.inject({ method: 'PUT', url: url(id, first!.id), payload, headers });

    const relationOnly = await put({ relation: '同楼层邻居' });
    expect(relationOnly.statusCode, relationOnly.body).toBe(200);
    expect(neighboursOf(relationOnly.json())).toEqual([
      expect.objectContaining({ id: first!.id, name: '刘**', relation: '同楼层邻居', addressMasked: '137****1111' }),
    ]);
    const changed = await put({ name: '孔阿姨', relation: '同楼层邻居', phone: '13600004444' });
    expect(neighboursOf(changed.json())).toEqual([expect.objectContaining({ name: '孔**', addressMasked: '136****4444' })]);
    const [row] = await rowsOf(id);
    expect([w.crypto.decrypt(row!.nameEnc!), w.crypto.decrypt(row!.addressEnc)]).toEqual(['孔阿姨', '13600004444']);
    const trail = (await audits('care.neighbour_update', id)).map((a) => a.details);
    expect(trail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          before: expect.objectContaining({ relation: '对门邻居' }),
          after: expect.objectContaining({ relation: '同楼层邻居' }),
        }),
        expect.objectContaining({
          before: expect.objectContaining({ name: '刘**', phone: '137****1111' }),
          after: expect.objectContaining({ name: '孔**', phone: '136****4444' }),
        }),
      ]),
    );

    const bad = await put({ relation: '邻居', phone: '1234' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ path: 'phone', message: '手机号格式不正确，应为 11 位数字，以 1 开头' });
    const badEn = await add(w.partner.client, id, { name: '', relation: '邻居', phone: '0519-1234' }, { 'accept-language': 'en' });
    expect(
      badEn
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['name', 'phone']);
    expect(badEn.json().details.find((d: { path: string }) => d.path === 'phone').message).toBe(
      'Not a valid mobile number: 11 digits starting with 1',
    );
    expect(neighboursOf((await w.partner.client.inject({ method: 'GET', url: `/api/care/recipients/${id}` })).json())).toHaveLength(1);
  });

  it('removes one, who is then told nothing; audited with what was there', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '骆奶奶' }));
    const [only] = neighboursOf((await w.partner.client.inject({ method: 'GET', url: `/api/care/recipients/${id}` })).json());
    const res = await gridLeader.inject({ method: 'DELETE', url: url(id, only!.id) });
    expect(res.statusCode, res.body).toBe(200);
    expect(neighboursOf(res.json())).toEqual([]);
    expect(await rowsOf(id)).toEqual([]);
    const [audit] = await audits('care.neighbour_remove', id);
    expect(audit!.details).toMatchObject({ before: { name: '刘**', phone: '137****1111' }, after: null });
    expect((await gridLeader.inject({ method: 'DELETE', url: url(id, only!.id) })).statusCode).toBe(404);

    await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visitPayload(id, { concern: 'urgent' }) });
    const texts = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.refId, id), like(outboxMessages.dedupeKey, '%:neighbour:%')));
    expect(texts).toEqual([]);
  });

  it('three at most: the fourth is refused with a message, two at once for the last slot get one, and the database holds the line', async () => {
    const { id } = await enrol(
      w.partner.client,
      recipientInput(w, {
        name: '柯爷爷',
        neighbours: [
          { name: '甲邻居', relation: '邻居', phone: '13500000001' },
          { name: '乙邻居', relation: '邻居', phone: '13500000002' },
        ],
      }),
    );
    const both = await Promise.all([
      add(w.partner.client, id, { name: '丙邻居', relation: '邻居', phone: '13500000003' }),
      add(gridLeader, id, { name: '丁邻居', relation: '邻居', phone: '13500000004' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const full = both.find((r) => r.statusCode === 400)!.json();
    expect(full.details[0]).toMatchObject({ path: 'neighbours', message: '最多登记 3 位信任邻居，请先删除一位再添加' });
    const fourth = await add(w.partner.client, id, { name: '戊邻居', relation: '邻居', phone: '13500000005' }, { 'accept-language': 'en' });
    expect(fourth.json().details[0].message).toBe('At most 3 trusted neighbours; remove one before adding another');
    expect((await rowsOf(id)).map((r) => r.position).sort()).toEqual([1, 2, 3]);

    const row = (await rowsOf(id))[0]!;
    await expect(
      t.database.db.insert(careContacts).values({ ...row, id: '01900000-0000-7000-8000-0000000000f4', position: 4 }),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`update care_contacts set position = 4 where id = ${row.id}`)).rejects.toThrow();
  });

  it('nobody outside the grid may touch them: another grid’s leader, another city, the carrier, the branch; nor after withdrawal', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '魏奶奶' }));
    const [only] = neighboursOf((await w.partner.client.inject({ method: 'GET', url: `/api/care/recipients/${id}` })).json());
    const payload = { name: '外人', relation: '邻居', phone: '13900000000' };
    for (const who of [otherGridLeader, w.cfPartner.client, w.carrier.client, w.secretary.client]) {
      expect((await add(who, id, payload)).statusCode).toBe(404);
      expect((await who.inject({ method: 'PUT', url: url(id, only!.id), payload })).statusCode).toBe(404);
      expect((await who.inject({ method: 'DELETE', url: url(id, only!.id) })).statusCode).toBe(404);
    }
    // A neighbour of another recipient cannot be reached through one's own.
    const mine = await enrol(w.partner.client, recipientInput(w, { name: '严爷爷', neighbours: [] }));
    expect((await w.partner.client.inject({ method: 'DELETE', url: url(mine.id, only!.id) })).statusCode).toBe(404);
    expect(await rowsOf(id)).toHaveLength(1);
    expect(await audits('care.neighbour_add', id)).toEqual([]);

    await w.partner.client.inject({ method: 'POST', url: `/api/care/recipients/${id}/withdraw-consent` });
    const late = await add(w.partner.client, id, payload);
    expect(late.statusCode).toBe(400);
    expect(late.json().details[0].path).toBe('status');
    expect(await rowsOf(id)).toEqual([]);
  });

  it('seals, at start, the clear names of contacts (neighbours and family) and consent givers written before names were encrypted, once', async () => {
    const { id } = await enrol(w.partner.client, recipientInput(w, { name: '龚奶奶' }));
    // As rows written before names were sealed look: the name in clear, nothing sealed.
    await t.database.db
      .update(careContacts)
      .set({ name: '刘阿姨', nameEnc: null })
      .where(and(eq(careContacts.recipientId, id), eq(careContacts.kind, 'neighbour')));
    await t.database.db
      .update(careContacts)
      .set({ name: '王小明', nameEnc: null })
      .where(and(eq(careContacts.recipientId, id), eq(careContacts.kind, 'family'), eq(careContacts.position, 1)));
    // The consent of the fixture is given by proxy, by 王小明.
    await t.database.db.update(careConsents).set({ givenBy: '王小明', givenByEnc: null }).where(eq(careConsents.recipientId, id));
    const [first, second] = await Promise.all([sealLegacyNames(t.database.db, w.crypto), sealLegacyNames(t.database.db, w.crypto)]);
    expect(first! + second!).toBe(3);
    const [row] = await rowsOf(id);
    expect(row!.name).toBe('刘**');
    expect(w.crypto.decrypt(row!.nameEnc!)).toBe('刘阿姨');
    const [family] = await t.database.db
      .select()
      .from(careContacts)
      .where(and(eq(careContacts.recipientId, id), eq(careContacts.kind, 'family'), eq(careContacts.position, 1)));
    expect(family!.name).toBe('王**');
    expect(w.crypto.decrypt(family!.nameEnc!)).toBe('王小明');
    const [consent] = await t.database.db.select().from(careConsents).where(eq(careConsents.recipientId, id));
    expect(consent!.givenBy).toBe('王**');
    expect(w.crypto.decrypt(consent!.givenByEnc!)).toBe('王小明');
    expect(await sealLegacyNames(t.database.db, w.crypto)).toBe(0);
  });
});
