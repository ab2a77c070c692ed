import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, careVisits } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { multipart } from '../../test/multipart.js';
import { enrol, makeCareWorld, recipientInput, visitPayload, type CareWorld } from './care.fixtures.js';

let t: TestApp;
let w: CareWorld;
let recipientId: string;
let visitId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeCareWorld(t);
  recipientId = (await enrol(w.partner.client, recipientInput(w))).id;
  const visit = visitPayload(recipientId);
  expect((await w.carrier.client.inject({ method: 'POST', url: '/api/care/visits', payload: visit })).statusCode).toBe(200);
  visitId = visit.id;
});
afterAll(() => t.close());

/** A phone photo: 4000×3000 of noise, several megabytes as JPEG, as a camera would send. */
const cameraPhoto = () =>
  sharp(Buffer.from(Array.from({ length: 400 * 300 * 3 }, () => Math.floor(Math.random() * 256))), {
    raw: { width: 400, height: 300, channels: 3 },
  })
    .resize(4000, 3000, { kernel: 'nearest' })
    .jpeg({ quality: 95 })
    .toBuffer();

const attach = (client: CareWorld['carrier']['client'], file: Buffer) =>
  client.inject({ method: 'PUT', url: `/api/care/visits/${visitId}/photo`, ...multipart(file, 'IMG_0001.jpg', 'image/jpeg') });

describe('a visit’s photo', () => {
  it('is kept small and encrypted, shown to the grid’s partner with an audit entry, and to nobody outside', async () => {
    const photo = await cameraPhoto();
    expect(photo.length).toBeGreaterThan(1024 * 1024);
    expect((await attach(w.stranger.client, photo)).statusCode).toBe(404);
    expect((await attach(w.carrier.client, Buffer.from('not a photo'))).json().details[0]).toMatchObject({ path: 'file' });
    const sent = await attach(w.carrier.client, photo);
    expect(sent.statusCode, sent.body).toBe(200);
    // Sent again after a dropped answer: it simply replaces the first.
    expect((await attach(w.carrier.client, photo)).statusCode).toBe(200);

    const [row] = await t.database.db.select().from(careVisits).where(eq(careVisits.id, visitId));
    expect(row!.photoEnc).toMatch(/^v1:/);
    const visits = (await w.partner.client.inject({ method: 'GET', url: `/api/care/recipients/${recipientId}/visits` })).json();
    expect(visits.items[0]).toMatchObject({ id: visitId, hasPhoto: true });

    const shown = await w.partner.client.inject({ method: 'GET', url: `/api/care/visits/${visitId}/photo` });
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(shown.rawPayload).metadata()).toMatchObject({ width: 1024, height: 768 });
    const audited = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, visitId));
    expect(audited.map((a) => a.action)).toContain('care.visit_photo_view');

    expect((await w.stranger.client.inject({ method: 'GET', url: `/api/care/visits/${visitId}/photo` })).statusCode).toBe(404);
    expect((await w.cfPartner.client.inject({ method: 'GET', url: `/api/care/visits/${visitId}/photo` })).statusCode).toBe(404);
  });

  it('goes when consent is withdrawn', async () => {
    await w.partner.client.inject({ method: 'POST', url: `/api/care/recipients/${recipientId}/withdraw-consent` });
    const [row] = await t.database.db.select().from(careVisits).where(eq(careVisits.id, visitId));
    expect(row!.photoEnc).toBeNull();
    expect((await w.partner.client.inject({ method: 'GET', url: `/api/care/visits/${visitId}/photo` })).statusCode).toBe(404);
  });
});
