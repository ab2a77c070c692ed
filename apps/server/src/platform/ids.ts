import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * Random bytes taken from a pool that the CSPRNG fills 4 KB at a time. Each call into Node's crypto
 * binding costs a few microseconds whatever its size, and a booking needs four small draws (two ids,
 * a nonce, a code): asked one by one they took a tenth of the server's CPU. Every byte is handed out
 * once; a spent pool is replaced, never refilled in place, so a slice handed out earlier never changes.
 */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

export function randomBytesPooled(n: number): Buffer {
  if (n > POOL_BYTES) return randomFillSync(Buffer.allocUnsafe(n));
  if (offset + n > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    offset = 0;
  }
  const out = pool.subarray(offset, offset + n);
  offset += n;
  return out;
}

/**
 * A time-ordered id (UUIDv7), so that rows made together sit together in the index. Ids made in the
 * same millisecond count up from a random start, as uuid's own v7 does, so they sort in the order
 * they were made; only the random bytes come from the pool.
 */
let lastMs = -Infinity;
let seq = 0;
export function uuidv7(): string {
  const random = randomBytesPooled(16);
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs++;
  }
  return v7({ random, msecs: lastMs, seq });
}
