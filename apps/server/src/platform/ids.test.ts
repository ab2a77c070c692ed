import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { randomBytesPooled, uuidv7 } from './ids.js';

describe('ids and random bytes', () => {
  it('makes valid version-7 ids that sort in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7());
    for (const id of ids.slice(0, 50)) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('never hands out the same bytes twice, across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(randomBytesPooled(12).toString('hex'));
    expect(seen.size).toBe(2000);
    const early = randomBytesPooled(16);
    const copy = Buffer.from(early);
    for (let i = 0; i < 1000; i++) randomBytesPooled(32); // several refills later
    expect(early.equals(copy)).toBe(true);
    expect(randomBytesPooled(10000)).toHaveLength(10000);
  });
});
