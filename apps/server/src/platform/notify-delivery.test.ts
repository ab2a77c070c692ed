import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../db/schema/index.js';
import { createTestApp, type TestApp } from '../test/harness.js';
import { unique } from '../test/factories.js';
import { createDelivery, signWebhook } from './notify-delivery.js';

let t: TestApp;
let smtp: SMTPServer;
let smtpPort: number;
const mails: { to: string[]; raw: string }[] = [];

/** Decodes RFC 2047 words and a base64 / quoted-printable body, enough to read back what nodemailer wrote. */
function readMail(raw: string): { subject: string; toHeader: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const words = (s: string) =>
    s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
  const subject = words(/^subject: (.*)$/im.exec(unfolded)?.[1] ?? '').trim();
  const toHeader = words(/^to: (.*)$/im.exec(unfolded)?.[1] ?? '').trim();
  const body = rest.join('\n\n');
  const encoding = /content-transfer-encoding: (\S+)/i.exec(unfolded)?.[1]?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return { subject, toHeader, text };
}

async function listen(handler: (req: IncomingMessage, body: string) => number): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      res.statusCode = handler(req, body);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
}

beforeAll(async () => {
  t = await createTestApp();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.close();
});

const enqueue = async (channel: 'email' | 'webhook', to: string, subject: string, link = 'https://youshe.example/f/abc') => {
  await t.services.notifier.enqueue(t.database.db, [
    {
      kind: 'test.message',
      channel,
      to,
      toName: '王女士',
      subject,
      body: `王女士您好，正文：${subject}`,
      link,
      dedupeKey: unique('k'),
    },
  ]);
  return (await t.database.db.query.outboxMessages.findFirst({ where: eq(outboxMessages.subject, subject) }))!;
};
const row = async (id: string) => (await t.database.db.query.outboxMessages.findFirst({ where: eq(outboxMessages.id, id) }))!;

describe('delivering the outbox', () => {
  it('sends e-mail over SMTP exactly once, even when two instances run at the same moment', async () => {
    const subjects = Array.from({ length: 6 }, (_, i) => unique(`探访报告${i}`));
    const messages = [];
    for (const s of subjects) messages.push(await enqueue('email', `family+${s}@example.org`, s));
    const options = { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, smtpFrom: 'Youshe <noreply@youshe.example>', batchSize: 2 };
    const before = mails.length;
    const [a, b] = await Promise.all([
      createDelivery(t.database.db, t.services.crypto, options).runOnce(),
      createDelivery(t.database.db, t.services.crypto, options).runOnce(),
    ]);
    expect(a.sent + b.sent).toBe(6);
    const received = mails.slice(before).map((m) => ({ to: m.to[0], ...readMail(m.raw) }));
    expect(received).toHaveLength(6);
    for (const s of subjects) {
      const mail = received.filter((m) => m.subject === s);
      expect(mail, s).toHaveLength(1);
      expect(mail[0]!.to).toBe(`family+${s}@example.org`);
      // The name, kept sealed in the outbox, is back in clear in the To: header and the greeting.
      expect(mail[0]!.toHeader).toMatch(/^王女士\s*<family\+/);
      expect(mail[0]!.text).toContain(`王女士您好，正文：${s}`);
      expect(mail[0]!.text).toContain('https://youshe.example/f/abc');
    }
    for (const m of messages) expect(await row(m.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
  });

  it('posts signed JSON to the webhook and retries a gateway that failed, with a growing delay', async () => {
    const secret = 'a-long-enough-secret-for-tests';
    const seen: { body: string; signature: string; timestamp: string; key: string }[] = [];
    let calls = 0;
    const hook = await listen((req, body) => {
      calls++;
      seen.push({
        body,
        signature: String(req.headers['x-youshe-signature']),
        timestamp: String(req.headers['x-youshe-timestamp']),
        key: String(req.headers['idempotency-key']),
      });
      return calls === 1 ? 503 : 200;
    });
    try {
      const subject = unique('走失提醒');
      // A link kept as a path reaches the gateway under the server's public address.
      const m = await enqueue('webhook', '13912345678', subject, '/f/abc');
      const delivery = createDelivery(t.database.db, t.services.crypto, {
        webhookUrl: hook.url,
        webhookSecret: secret,
        publicUrl: 'https://youshe.example.cn',
        baseDelayMs: 60_000,
      });
      expect(await delivery.runOnce()).toMatchObject({ sent: 0, retrying: 1 });
      const afterFailure = await row(m.id);
      expect(afterFailure).toMatchObject({ status: 'pending', attempts: 1, lastError: 'webhook answered 503' });
      const wait = afterFailure.nextAttemptAt.getTime() - Date.now();
      expect(wait).toBeGreaterThan(50_000);
      // Not due yet: a run now sends nothing.
      expect(await delivery.runOnce()).toMatchObject({ sent: 0, retrying: 0 });
      await t.database.db.execute(sql`update outbox_messages set next_attempt_at = now() where id = ${m.id}`);
      expect(await delivery.runOnce()).toMatchObject({ sent: 1 });
      expect(await row(m.id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
      expect(seen).toHaveLength(2);
      const last = seen[1]!;
      expect(JSON.parse(last.body)).toMatchObject({
        id: m.id,
        to: '13912345678',
        toName: '王女士',
        subject,
        body: `王女士您好，正文：${subject}`,
        kind: 'test.message',
        link: 'https://youshe.example.cn/f/abc',
      });
      expect(last.signature).toBe(signWebhook(secret, last.timestamp, last.body));
      expect(last.key).toBe(m.id);
    } finally {
      hook.server.close();
    }
  });

  it('gives up after the last attempt, keeps the error, and a retry sends it again', async () => {
    const hook = await listen(() => 500);
    try {
      const m = await enqueue('webhook', '13900001111', unique('失败'));
      const delivery = createDelivery(t.database.db, t.services.crypto, {
        webhookUrl: hook.url,
        webhookSecret: 'x'.repeat(20),
        baseDelayMs: 0,
        maxAttempts: 3,
      });
      // With no delay between attempts one run goes through all three.
      expect(await delivery.runOnce()).toMatchObject({ retrying: 2, failed: 1 });
      expect(await row(m.id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'webhook answered 500' });
      expect(await delivery.runOnce()).toMatchObject({ sent: 0, failed: 0 });
    } finally {
      hook.server.close();
    }
  });

  it('holds messages in demo mode or without a transport: nothing is sent, nothing is lost', async () => {
    const before = mails.length;
    const m = await enqueue('email', 'demo@example.org', unique('演示'));
    const w = await enqueue('webhook', '13911112222', unique('演示'));
    await createDelivery(t.database.db, t.services.crypto, { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, demo: true }).runOnce();
    expect(mails.length).toBe(before);
    expect((await row(m.id)).status).toBe('held');
    expect((await row(w.id)).status).toBe('held');
  });
});
