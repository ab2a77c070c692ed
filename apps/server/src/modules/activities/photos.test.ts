import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAll, type Client, type TestApp } from '../../test/harness.js';
import { makeAccount, makeTwoCities, TEST_PASSWORD } from '../../test/factories.js';
import { multipart } from '../../test/multipart.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeTwoCities>>;
let czSecretary: Client, cfSecretary: Client;
let activityId: string;

async function phonePhoto(width: number, height: number) {
  // A photo as a phone takes it: EXIF with GPS position and a rotation flag.
  return sharp({ create: { width, height, channels: 3, background: '#c0392b' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'Phone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 46/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 57/1 0/1' },
    })
    .toBuffer();
}

beforeAll(async () => {
  t = await createTestApp();
  w = await makeTwoCities(t.database.db);
  const cf = await makeAccount(t.database.db, [{ role: 'branch_secretary', orgId: w.cfBranch.id }]);
  [czSecretary, cfSecretary] = await signInAll(t.app, [w.czSecretary.login, cf.login], TEST_PASSWORD);
  activityId = (
    await czSecretary.inject({
      method: 'POST',
      url: '/api/activities',
      payload: {
        orgId: w.czBranch.id,
        kindId: 'convenience_service',
        title: '便民服务日',
        startsAt: new Date().toISOString(),
        endsAt: new Date().toISOString(),
      },
    })
  ).json().id;
});
afterAll(() => t.close());

describe('activity photos', () => {
  it('are resized, turned upright and stripped of location data', async () => {
    const original = await phonePhoto(4000, 3000);
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(before.orientation).toBe(6);
    const res = await czSecretary.inject({
      method: 'POST',
      url: `/api/activities/${activityId}/photos`,
      ...multipart(original, 'IMG_0001.jpg', 'image/jpeg', '为老人理发'),
    });
    expect(res.statusCode, res.body).toBe(200);
    // Orientation 6 means the camera was turned: the stored picture is upright, so portrait.
    expect(res.json()).toMatchObject({ width: 1200, height: 1600, caption: '为老人理发' });
    const stored = await czSecretary.inject({ method: 'GET', url: `/api/activities/${activityId}/photos/${res.json().id}` });
    expect(stored.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(stored.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([1200, 1600]);
    const thumb = await czSecretary.inject({ method: 'GET', url: `/api/activities/${activityId}/photos/${res.json().id}?size=thumb` });
    expect((await sharp(thumb.rawPayload).metadata()).height).toBe(400);
    expect((await czSecretary.inject({ method: 'GET', url: `/api/activities/${activityId}` })).json().photoCount).toBe(1);
  });

  it('refuses a file that is not an image, or is too large, before storing anything', async () => {
    const before = (await czSecretary.inject({ method: 'GET', url: `/api/activities/${activityId}/photos` })).json().items.length;
    const text = await czSecretary.inject({
      method: 'POST',
      url: `/api/activities/${activityId}/photos`,
      ...multipart(Buffer.from('not a picture'), 'photo.jpg', 'image/jpeg'),
    });
    expect(text.statusCode).toBe(400);
    expect(text.json().details[0]).toMatchObject({ path: 'file', message: '这不是图片文件，请选择 JPG、PNG 或 WebP 照片' });
    const huge = Buffer.concat([await phonePhoto(100, 100), Buffer.alloc(11 * 1024 * 1024)]);
    const big = await czSecretary.inject({
      method: 'POST',
      url: `/api/activities/${activityId}/photos`,
      ...multipart(huge, 'big.jpg', 'image/jpeg'),
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().details[0].message).toBe('照片太大，单张不能超过 10 MB');
    const none = await czSecretary.inject({ method: 'POST', url: `/api/activities/${activityId}/photos`, payload: { file: 'x' } });
    expect(none.json().details[0].message).toBe('请选择一张照片');
    expect((await czSecretary.inject({ method: 'GET', url: `/api/activities/${activityId}/photos` })).json().items.length).toBe(before);
  });

  it('are out of reach of other cities', async () => {
    const list = (await czSecretary.inject({ method: 'GET', url: `/api/activities/${activityId}/photos` })).json();
    const photoId = list.items[0].id;
    expect((await cfSecretary.inject({ method: 'GET', url: `/api/activities/${activityId}/photos/${photoId}` })).statusCode).toBe(404);
    expect(
      (
        await cfSecretary.inject({
          method: 'POST',
          url: `/api/activities/${activityId}/photos`,
          ...multipart(await phonePhoto(50, 50), 'x.jpg', 'image/jpeg'),
        })
      ).statusCode,
    ).toBe(404);
    expect((await cfSecretary.inject({ method: 'DELETE', url: `/api/activities/${activityId}/photos/${photoId}` })).statusCode).toBe(404);
    expect((await czSecretary.inject({ method: 'DELETE', url: `/api/activities/${activityId}/photos/${photoId}` })).statusCode).toBe(200);
  });
});
