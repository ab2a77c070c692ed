import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';
import { randomBytesPooled } from './ids.js';

/**
 * Personal data at rest: AES-256-GCM with a random 96-bit nonce, stored as "v1:" + base64(nonce | tag | ciphertext).
 * Look-ups use an HMAC-SHA256 blind index of the normalised value, never the value itself.
 */
export class FieldCrypto {
  constructor(
    private readonly key: Buffer,
    private readonly indexKey: Buffer,
  ) {}

  encrypt(plain: string): string {
    const iv = randomBytesPooled(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return 'v1:' + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1:')) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(stored.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  blindIndex(kind: string, value: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}:${value.trim().toUpperCase()}`).digest('base64url');
  }
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
export const randomToken = () => randomBytesPooled(32).toString('base64url');

/** 13812341234 → 138****1234 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/**
 * 王秀兰 → 王** : enough for an alert list, not enough to identify someone outside the grid. Migration
 * 0036_outbox_names_masked does the same in SQL; keep the two alike.
 */
export const maskName = (name: string) => {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
};

/**
 * A person's name as the columns that keep it hold it: encrypted, and the masked copy (刘**) that pages show.
 * Care contacts, consent givers and the outbox's recipients all keep names this way.
 */
export const sealed = (crypto: FieldCrypto, clear: string) => ({ masked: maskName(clear), enc: crypto.encrypt(clear) });

/** 320402199001011234 → 3204**********1234 */
export function maskIdNumber(id: string): string {
  return id.length >= 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '****';
}

/** Keeps the district-level start of an address and hides the rest: 常州市钟楼区南大街12号 → 常州市钟楼区****. */
export function maskAddress(address: string): string {
  const m = address.match(/^.{0,11}[省市区县旗]/u);
  const keep = m ? m[0] : address.slice(0, 3);
  return `${keep}****`;
}
