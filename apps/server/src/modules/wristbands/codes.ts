import { randomBytes } from 'node:crypto';
import { WRISTBAND_CODE_LENGTH } from '@youshe/shared';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 20 base32 characters from the system's random source: 100 bits, so trying codes finds nothing in a lifetime. */
export function newCode(): string {
  const bytes = randomBytes(13);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < WRISTBAND_CODE_LENGTH) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** What people type or scan: case and the spaces or dashes of a printed label do not matter. Null if it cannot be a code. */
export function normaliseCode(raw: string): string | null {
  const code = raw.toUpperCase().replace(/[\s-]/g, '');
  return code.length === WRISTBAND_CODE_LENGTH && /^[A-Z2-7]+$/.test(code) ? code : null;
}

/** ABCD-EFGH-… as printed on a label, easier to read out on the phone. */
export const groupedCode = (code: string) => code.match(/.{1,4}/g)!.join('-');
