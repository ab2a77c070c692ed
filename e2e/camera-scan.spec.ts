// Staff at the door read a resident's QR code with the laptop's or phone's camera. Chromium's fake
// camera plays a picture we make of the resident's real sign-up QR code, so the whole path runs:
// camera → frame → QR decoder → check-in request → the desk's answer.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, closePage, expectNoErrors, launchBrowser, newPage, signIn } from './harness.js';

const WIDTH = 640;
const HEIGHT = 480;
const cameraFile = path.join(mkdtempSync(path.join(tmpdir(), 'youshe-camera-')), 'qr.y4m');
let browser: Browser;

/** One grey-scale 4:2:0 frame in the YUV4MPEG2 format Chromium's fake camera plays in a loop. */
async function writeCameraPicture(text: string) {
  const qr = await QRCode.toBuffer(text, { margin: 4, width: 420 });
  const luma = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#ffffff' } })
    .composite([{ input: qr, gravity: 'center' }])
    .greyscale()
    .raw()
    .toBuffer();
  const y = Buffer.alloc(WIDTH * HEIGHT);
  for (let i = 0; i < y.length; i++) y[i] = luma[i * 3]!;
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\nFRAME\n`);
  writeFileSync(cameraFile, Buffer.concat([header, y, chroma]));
}

beforeAll(async () => {
  writeFileSync(cameraFile, '');
  browser = await launchBrowser([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${cameraFile}`,
  ]);
});
afterAll(async () => {
  await browser?.close();
});

describe('checking a resident in with the camera', () => {
  it('reads the code off the resident’s phone and counts the check-in once', async () => {
    const page = await newPage(browser);
    try {
      await signIn(page, 'cz-secretary');
      // The secretary's own activity, published for the day.
      const me = (await (await page.request.get(`${baseUrl()}/api/me`)).json()) as { grants: { orgId: string | null }[] };
      const created = await page.request.post(`${baseUrl()}/api/activities`, {
        data: {
          orgId: me.grants[0]!.orgId,
          kindId: 'anti_fraud',
          title: '扫码签到演练',
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
        },
      });
      expect(created.status(), await created.text()).toBe(200);
      const activity = (await created.json()) as { id: string; publicToken: string };
      await page.request.post(`${baseUrl()}/api/activities/${activity.id}/transition`, { data: { to: 'published' } });
      const phone = `139${String(Date.now()).slice(-8)}`;
      const signup = await page.request.post(`${baseUrl()}/api/public/activities/${activity.publicToken}/signups`, {
        data: { name: '扫码居民', phone, consent: true },
      });
      expect(signup.status(), await signup.text()).toBe(200);
      const { code } = (await signup.json()) as { code: string };
      // What the resident's phone shows: the QR of their sign-up page.
      await writeCameraPicture(`${baseUrl()}/s/${code}`);

      await page.goto(`${baseUrl()}/activities/${activity.id}`);
      await page.getByTestId('checkin-box').waitFor();
      await page.getByTestId('camera-scan').click();
      const result = page.getByTestId('checkin-result').locator('[data-first-time]');
      await result.waitFor({ timeout: 20_000 });
      expect(await result.getAttribute('data-first-time')).toBe('true');
      expect(await result.textContent()).toContain('扫码居民');
      // The camera has let go: the dialog is closed.
      await expect.poll(() => page.locator('video').count()).toBe(0);
      expectNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
