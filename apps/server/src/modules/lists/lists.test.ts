import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { multipart } from '../../test/multipart.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let czSecretary: Client, community: Client, cfSecretary: Client;
let communityOrg: { id: string };
let members: Client[];

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const district = await makeOrg(t.database.db, 'district', null, '常州市钟楼区');
  const street = await makeOrg(t.database.db, 'street', district, '南大街街道');
  communityOrg = await makeOrg(t.database.db, 'community', street, '西横街社区');
  const cp = await makeAccount(t.database.db, [{ role: 'community_partner', orgId: street.id }]);
  const cf = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  [czSecretary, community, cfSecretary] = await signInAll(t.app, [w.czSecretary.login, cp.login, cf.login], TEST_PASSWORD);
  // The branch is paired with the street, so the street's communities' needs reach the branch's members.
  const year = new Date().getUTCFullYear();
  await czSecretary.inject({
    method: 'POST',
    url: '/api/partnerships',
    payload: { orgId: w.czBranch.id, title: '结对共建', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, memberIds: [street.id] },
  });
  members = await Promise.all(
    Array.from({ length: 6 }, async () =>
      signIn(t.app, (await makeAccount(t.database.db, [{ role: 'volunteer', orgId: w.czBranch.id }])).login, TEST_PASSWORD),
    ),
  );
});
afterAll(() => t.close());

const post = async (client: Client, url: string, payload: object) => client.inject({ method: 'POST', url, payload });

describe('three lists and two-way claiming', () => {
  it('a community need reaches the paired branch and no one else', async () => {
    const need = (await post(community, '/api/needs', { orgId: communityOrg.id, kind: 'need', title: '楼道灯坏了需要维修' })).json();
    expect(need).toMatchObject({ status: 'open', source: 'community', orgName: '西横街社区' });
    expect((await czSecretary.inject({ method: 'GET', url: '/api/needs' })).json().items.map((n: { id: string }) => n.id)).toContain(
      need.id,
    );
    expect((await members[0]!.inject({ method: 'GET', url: `/api/needs/${need.id}` })).statusCode).toBe(200);
    expect((await cfSecretary.inject({ method: 'GET', url: `/api/needs/${need.id}` })).statusCode).toBe(404);
    expect((await cfSecretary.inject({ method: 'GET', url: '/api/needs' })).json().total).toBe(0);
  });

  it('a resident orders with consent and follows the status to done (社区下单 → 党员接单)', async () => {
    const communities = (await t.app.inject({ method: 'GET', url: `/api/public/communities?q=${encodeURIComponent('西横街')}` })).json();
    expect(communities.items).toEqual([{ id: communityOrg.id, name: '西横街社区', parentName: '南大街街道' }]);
    const order = await t.app.inject({
      method: 'POST',
      url: '/api/public/needs',
      payload: { orgId: communityOrg.id, kind: 'wish', title: '想要一台收音机', name: '周奶奶', phone: '13912340000', consent: true },
    });
    expect(order.statusCode, order.body).toBe(200);
    const { trackingCode } = order.json();
    expect(order.json()).toMatchObject({ status: 'open', project: null });
    const seen = (await community.inject({ method: 'GET', url: '/api/needs?kind=wish' }))
      .json()
      .items.find((n: { title: string }) => n.title === '想要一台收音机');
    expect(seen).toMatchObject({ source: 'resident', requesterName: '周奶奶', requesterPhoneMasked: '139****0000' });
    const project = (await post(members[0]!, `/api/needs/${seen.id}/claim`, {})).json();
    expect(project).toMatchObject({ status: 'claimed', needTitle: '想要一台收音机' });
    expect((await t.app.inject({ method: 'GET', url: `/api/public/needs/${trackingCode}` })).json()).toMatchObject({
      status: 'matched',
      project: { status: 'claimed', claimed: true },
    });
    const noProof = await post(members[0]!, `/api/projects/${project.id}/complete`, { outcome: '已送到' });
    expect(noProof.json().details[0]).toMatchObject({ path: 'proofNote', message: '请上传一张照片、确认受助人已认可，或写明完成的凭据' });
    expect(
      (await post(members[1]!, `/api/projects/${project.id}/complete`, { outcome: '冒领', beneficiaryConfirmed: true })).statusCode,
    ).toBe(403);
    const done = (
      await post(members[0]!, `/api/projects/${project.id}/complete`, { outcome: '收音机已送到周奶奶家', beneficiaryConfirmed: true })
    ).json();
    expect(done.status).toBe('done');
    const status = (await t.app.inject({ method: 'GET', url: `/api/public/needs/${trackingCode}` })).json();
    expect(status).toMatchObject({ status: 'done', project: { status: 'done' } });
    expect(JSON.stringify(status)).not.toContain('1391234');
  });

  it('a resident order with a bad phone is refused beside the field, nothing stored', async () => {
    const before = (await community.inject({ method: 'GET', url: '/api/needs' })).json().total;
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/public/needs',
      payload: { orgId: communityOrg.id, kind: 'need', title: 'x', name: '李', phone: '1234', consent: true },
    });
    expect(bad.json().details[0]).toMatchObject({ path: 'phone', message: '手机号格式不正确，应为 11 位数字，以 1 开头' });
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/public/needs',
      payload: { orgId: w.czBranch.id, kind: 'need', title: 'x', name: '李', phone: '13900000000', consent: true },
    });
    expect(elsewhere.statusCode).toBe(400);
    expect((await community.inject({ method: 'GET', url: '/api/needs' })).json().total).toBe(before);
  });

  it('many members claiming one project at once: exactly one wins', async () => {
    const need = (await post(community, '/api/needs', { orgId: communityOrg.id, kind: 'need', title: '帮独居老人修水管' })).json();
    const project = (
      await post(czSecretary, '/api/projects', { orgId: w.czBranch.id, needId: need.id, title: '修水管', dueOn: '2030-01-01' })
    ).json();
    expect((await czSecretary.inject({ method: 'GET', url: `/api/needs/${need.id}` })).json().status).toBe('matched');
    const claims = await Promise.all(members.map((m) => post(m, `/api/projects/${project.id}/claim`, {})));
    expect(claims.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(claims.filter((r) => r.statusCode === 400).every((r) => r.json().details[0].message === '已经有人认领了')).toBe(true);
  });

  it('many members claiming one micro-wish at once: one project, one claimant', async () => {
    const wish = (await post(community, '/api/needs', { orgId: communityOrg.id, kind: 'wish', title: '一套学习用品' })).json();
    const claims = await Promise.all(members.map((m) => post(m, `/api/needs/${wish.id}/claim`, {})));
    expect(claims.filter((r) => r.statusCode === 200)).toHaveLength(1);
    const projects = (await czSecretary.inject({ method: 'GET', url: '/api/projects?status=claimed' })).json();
    expect(projects.items.filter((p: { needId: string }) => p.needId === wish.id)).toHaveLength(1);
  });

  it('a photo of the help given is proof enough; it is kept resized, and only the claimant or the unit may add it', async () => {
    const wish = (await post(community, '/api/needs', { orgId: communityOrg.id, kind: 'wish', title: '一台助听器' })).json();
    const project = (await post(members[2]!, `/api/needs/${wish.id}/claim`, {})).json();
    const upload = (client: Client, file: Buffer, name = 'proof.jpg') =>
      client.inject({ method: 'PUT', url: `/api/projects/${project.id}/proof-photo`, ...multipart(file, name, 'image/jpeg') });
    const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer();

    expect((await upload(members[2]!, Buffer.from('not a picture at all'))).json().details[0]).toMatchObject({ path: 'file' });
    expect((await upload(members[3]!, photo)).statusCode).toBe(403);
    expect((await upload(cfSecretary, photo)).statusCode).toBe(404);
    const attached = await upload(members[2]!, photo);
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json().hasProofPhoto).toBe(true);

    const kept = await community.inject({ method: 'GET', url: `/api/projects/${project.id}/proof-photo` });
    expect(kept.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(kept.rawPayload).metadata()).toMatchObject({ width: 1600, height: 1067 });
    const done = await post(members[2]!, `/api/projects/${project.id}/complete`, { outcome: '助听器已送到' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', hasProofPhoto: true, beneficiaryConfirmed: false });
    expect((await upload(members[2]!, photo)).json().details[0].message).toBe('只有进行中的项目可以上传凭据照片');
  });

  it('resources are offered and withdrawn', async () => {
    const res = (
      await post(czSecretary, '/api/resources', { orgId: w.czBranch.id, title: '邮政快递车周末接送', description: '每周六可出车一次' })
    ).json();
    expect(
      (await community.inject({ method: 'GET', url: '/api/resources?available=true' })).json().items.map((r: { id: string }) => r.id),
    ).toContain(res.id);
    const withdrawn = (
      await czSecretary.inject({ method: 'PATCH', url: `/api/resources/${res.id}`, payload: { available: false } })
    ).json();
    expect(withdrawn.available).toBe(false);
    expect((await cfSecretary.inject({ method: 'PATCH', url: `/api/resources/${res.id}`, payload: { available: true } })).statusCode).toBe(
      404,
    );
  });
});
