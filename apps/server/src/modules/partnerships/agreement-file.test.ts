import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeOrg, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { multipart } from '../../test/multipart.js';
import { newPdf } from '../../platform/pdf.js';

let t: TestApp;
let czSecretary: Client, cfSecretary: Client;
let partnershipId: string;

async function signedAgreementPdf(): Promise<Buffer> {
  const doc = newPdf({ title: '党建共建协议书' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(20).text('党建共建协议书');
  doc.end();
  return done;
}

beforeAll(async () => {
  t = await createTestApp();
  const w = await makeTwoCities(t.database.db);
  const community = await makeOrg(t.database.db, 'community', null, '五心苑社区');
  const cf = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  [czSecretary, cfSecretary] = await signInAll(t.app, [w.czSecretary.login, cf.login], TEST_PASSWORD);
  const year = new Date().getUTCFullYear();
  const res = await czSecretary.inject({
    method: 'POST',
    url: '/api/partnerships',
    payload: {
      orgId: w.czBranch.id,
      title: '党建共建协议',
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      memberIds: [community.id],
      goals: [],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  partnershipId = res.json().id;
});
afterAll(() => t.close());

const storedAgreements = async () => {
  try {
    return await readdir(path.join(t.config.filesDir, 'agreements', partnershipId));
  } catch {
    return [];
  }
};

describe('the signed agreement file', () => {
  it('refuses what is not a PDF or a picture before storing anything, whatever its name says', async () => {
    const fake = await czSecretary.inject({
      method: 'PUT',
      url: `/api/partnerships/${partnershipId}/agreement`,
      ...multipart(Buffer.from('MZ\u0090\u0000 not really a pdf'), '协议.pdf', 'application/pdf'),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().details[0]).toMatchObject({ path: 'file', message: '协议文件须为 PDF 或 JPG、PNG 图片' });
    expect(await storedAgreements()).toEqual([]);
    const partnership = (await czSecretary.inject({ method: 'GET', url: `/api/partnerships/${partnershipId}` })).json();
    expect(partnership.agreementFile).toBeNull();
  });

  it('keeps the PDF, gives it back byte for byte under its name, and replaces it with a newer one', async () => {
    const pdf = await signedAgreementPdf();
    const first = await czSecretary.inject({
      method: 'PUT',
      url: `/api/partnerships/${partnershipId}/agreement`,
      ...multipart(pdf, '共建协议（盖章版）.pdf', 'application/pdf'),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().agreementFile).toEqual({ name: '共建协议（盖章版）.pdf', type: 'application/pdf', bytes: pdf.length });

    const download = await czSecretary.inject({ method: 'GET', url: `/api/partnerships/${partnershipId}/agreement` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('共建协议（盖章版）.pdf'));
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);

    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const second = await czSecretary.inject({
      method: 'PUT',
      url: `/api/partnerships/${partnershipId}/agreement`,
      ...multipart(png, '../../etc/拍照.png', 'image/png'),
    });
    expect(second.json().agreementFile).toEqual({ name: '拍照.png', type: 'image/png', bytes: png.length });
    expect(await storedAgreements()).toHaveLength(1);
  });

  it('is out of reach of another city, and can be removed by its keeper', async () => {
    expect((await cfSecretary.inject({ method: 'GET', url: `/api/partnerships/${partnershipId}/agreement` })).statusCode).toBe(404);
    expect((await cfSecretary.inject({ method: 'DELETE', url: `/api/partnerships/${partnershipId}/agreement` })).statusCode).toBe(404);
    const removed = await czSecretary.inject({ method: 'DELETE', url: `/api/partnerships/${partnershipId}/agreement` });
    expect(removed.json().agreementFile).toBeNull();
    expect(await storedAgreements()).toEqual([]);
    expect((await czSecretary.inject({ method: 'GET', url: `/api/partnerships/${partnershipId}/agreement` })).statusCode).toBe(404);
  });
});
