import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const key = () => randomBytes(32).toString('base64');
const dataDir = () => mkdtempSync(path.join(tmpdir(), 'youshe-config-'));

describe('configuration', () => {
  it('runs the embedded database with demo data by default, keeping generated keys beside the data', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.database).toEqual({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
    expect(first.demo).toBe(true);
    expect(loadConfig({ DATA_DIR: dir }).encryptionKey.equals(first.encryptionKey)).toBe(true);
  });

  it('never loads the demo in production, and needs the keys there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/youshe', DATA_DIR: dataDir() })).toThrow(
      /ENCRYPTION_KEY/,
    );
    const prod = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/youshe',
      ENCRYPTION_KEY: key(),
      BLIND_INDEX_KEY: key(),
      DEMO: 'true',
      DATA_DIR: dataDir(),
    });
    expect(prod.database).toEqual({ kind: 'postgres', url: 'postgres://db/youshe' });
    expect(prod.demo).toBe(false);
    expect(prod.secureCookies).toBe(true);
  });

  it('refuses a malformed setting with a message that names it', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATA_DIR: dataDir() })).toThrow(/PORT/);
    expect(() => loadConfig({ ENCRYPTION_KEY: 'short', BLIND_INDEX_KEY: key(), DATA_DIR: dataDir() })).toThrow(
      /ENCRYPTION_KEY must be 32 bytes/,
    );
  });
});
