import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  /** Uploaded photos; with several instances, a folder they all share. */
  FILES_DIR: z.string().optional(),
  /** 32 bytes, base64: encrypts personal data at rest (AES-256-GCM). */
  ENCRYPTION_KEY: z.string().optional(),
  /** 32 bytes, base64: keys the HMAC blind index used for exact look-ups. */
  BLIND_INDEX_KEY: z.string().optional(),
  /** Comma-separated origins allowed to send cookie-authenticated writes, besides the server's own. */
  TRUSTED_ORIGINS: z.string().default(''),
  /** Behind a load balancer: trust X-Forwarded-For for the client's address. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  REDIS_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO: z.enum(['true', 'false']).optional(),
  /** Outgoing e-mail, e.g. smtp://user:pass@mail.example.org:587 (smtps:// for TLS on connect). */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('Youshe 邮社共建 <noreply@youshe.invalid>'),
  /** An SMS or WeChat gateway that takes messages as signed JSON POSTs. */
  NOTIFY_WEBHOOK_URL: z.string().url().optional(),
  NOTIFY_WEBHOOK_SECRET: z.string().min(16).optional(),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** Where residents and families reach this server (https://youshe.example.cn): messages carry links under it. */
  PUBLIC_URL: z.string().url().optional(),
  /** Server processes on this machine sharing the port (PostgreSQL only): one per core is a good start. */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
});

/** Where the delivery job sends the outbox; a channel left unset holds its messages instead of sending them. */
export interface NotifyConfig {
  smtpUrl: string | undefined;
  smtpFrom: string;
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  maxAttempts: number;
  publicUrl?: string | undefined;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };
  dataDir: string;
  filesDir: string;
  encryptionKey: Buffer;
  blindIndexKey: Buffer;
  trustedOrigins: string[];
  trustProxy: boolean;
  redisUrl: string | undefined;
  logLevel: string;
  /** Demo data and demo accounts are loaded only on the embedded database outside production. */
  demo: boolean;
  secureCookies: boolean;
  /** Optional so that configs built by hand (tests) need not name it; loadConfig always sets it. */
  notify?: NotifyConfig;
  /** Processes serving the port together; more than one only on PostgreSQL. */
  workers?: number;
}

function keyFrom(value: string, name: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes in base64`);
  return key;
}

/** On the embedded database, keys are made once and kept beside the data so a restart can read what it wrote. */
function localKeys(dataDir: string): { enc: string; bidx: string } {
  const file = path.join(dataDir, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { enc: string; bidx: string };
  mkdirSync(dataDir, { recursive: true });
  const keys = { enc: randomBytes(32).toString('base64'), bidx: randomBytes(32).toString('base64') };
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = envSchema.parse(env);
  const dataDir = path.resolve(e.DATA_DIR);
  const production = e.NODE_ENV === 'production';
  if (production && (!e.ENCRYPTION_KEY || !e.BLIND_INDEX_KEY)) {
    throw new Error('In production ENCRYPTION_KEY and BLIND_INDEX_KEY must be set (32 bytes each, base64)');
  }
  const keys = e.ENCRYPTION_KEY && e.BLIND_INDEX_KEY ? { enc: e.ENCRYPTION_KEY, bidx: e.BLIND_INDEX_KEY } : localKeys(dataDir);
  if (e.NOTIFY_WEBHOOK_URL && !e.NOTIFY_WEBHOOK_SECRET) {
    throw new Error('NOTIFY_WEBHOOK_URL needs NOTIFY_WEBHOOK_SECRET (16 characters or more) to sign what it sends');
  }
  const database = e.DATABASE_URL
    ? ({ kind: 'postgres', url: e.DATABASE_URL } as const)
    : ({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') } as const);
  if (e.WORKERS > 1 && database.kind === 'pglite') {
    throw new Error('WORKERS above 1 needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    dataDir,
    filesDir: path.resolve(e.FILES_DIR ?? path.join(dataDir, 'files')),
    encryptionKey: keyFrom(keys.enc, 'ENCRYPTION_KEY'),
    blindIndexKey: keyFrom(keys.bidx, 'BLIND_INDEX_KEY'),
    trustedOrigins: e.TRUSTED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: e.TRUST_PROXY === 'true',
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    demo: !production && (e.DEMO ? e.DEMO === 'true' : database.kind === 'pglite'),
    secureCookies: production,
    notify: {
      smtpUrl: e.SMTP_URL,
      smtpFrom: e.SMTP_FROM,
      webhookUrl: e.NOTIFY_WEBHOOK_URL,
      webhookSecret: e.NOTIFY_WEBHOOK_SECRET,
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    },
    workers: e.WORKERS,
  };
}
