import { describe, expect, it } from 'vitest';
import { parseCheckinCode } from './checkin-code';

describe('a code typed, scanned or pasted at the check-in desk', () => {
  it('is taken as it is', () => {
    expect(parseCheckinCode('Ab3_x-9Kq2LmN0pQ')).toBe('Ab3_x-9Kq2LmN0pQ');
  });

  it('loses stray spaces and a trailing newline from a scanner', () => {
    expect(parseCheckinCode('  Ab3_x-9K q2LmN0pQ\n')).toBe('Ab3_x-9Kq2LmN0pQ');
  });

  it('is found in the address of the resident’s sign-up page', () => {
    expect(parseCheckinCode('https://youshe.example/s/Ab3_x-9Kq2LmN0pQ')).toBe('Ab3_x-9Kq2LmN0pQ');
    expect(parseCheckinCode('https://youshe.example/s/Ab3_x-9Kq2LmN0pQ/')).toBe('Ab3_x-9Kq2LmN0pQ');
  });

  it('is refused when it cannot be a code', () => {
    expect(parseCheckinCode('')).toBeNull();
    expect(parseCheckinCode('short')).toBeNull();
    expect(parseCheckinCode('张三')).toBeNull();
  });
});
