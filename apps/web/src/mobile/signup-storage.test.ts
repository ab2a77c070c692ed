import { describe, expect, it } from 'vitest';
import { forgetSignup, rememberSignup, storedSignups } from './signup-storage';

/** An in-memory Storage, as the tests run without a browser. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

describe('sign-up codes kept on the phone', () => {
  it('are kept per activity, several per activity, without duplicates', () => {
    const s = memoryStorage();
    rememberSignup('tokenAAAA', { code: 'code1111', name: '张三' }, s);
    rememberSignup('tokenAAAA', { code: 'code2222', name: '李四' }, s);
    rememberSignup('tokenAAAA', { code: 'code1111', name: '张三' }, s);
    rememberSignup('tokenBBBB', { code: 'code3333', name: '张三' }, s);
    expect(storedSignups('tokenAAAA', s).map((x) => x.code)).toEqual(['code2222', 'code1111']);
    expect(storedSignups('tokenBBBB', s)).toEqual([{ code: 'code3333', name: '张三' }]);
    expect(storedSignups('tokenCCCC', s)).toEqual([]);
  });

  it('are forgotten one by one (a cancelled sign-up)', () => {
    const s = memoryStorage();
    rememberSignup('tokenAAAA', { code: 'code1111', name: '张三' }, s);
    rememberSignup('tokenAAAA', { code: 'code2222', name: '李四' }, s);
    forgetSignup('tokenAAAA', 'code1111', s);
    expect(storedSignups('tokenAAAA', s).map((x) => x.code)).toEqual(['code2222']);
    forgetSignup('tokenAAAA', 'code2222', s);
    expect(storedSignups('tokenAAAA', s)).toEqual([]);
  });

  it('survive garbage in storage and a storage that refuses writes', () => {
    expect(storedSignups('t', memoryStorage({ 'youshe.signups': '{not json' }))).toEqual([]);
    expect(storedSignups('t', memoryStorage({ 'youshe.signups': '{"t":[{"code":1},{"code":"c","name":"n"}]}' }))).toEqual([
      { code: 'c', name: 'n' },
    ]);
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as Storage;
    expect(() => rememberSignup('t', { code: 'c', name: 'n' }, full)).not.toThrow();
    expect(storedSignups('t', undefined)).toEqual([]);
  });

  it('keep only the most recent activities', () => {
    const s = memoryStorage();
    for (let i = 0; i < 60; i++) rememberSignup(`token${i}`, { code: `code${i}`, name: 'n' }, s);
    expect(storedSignups('token0', s)).toEqual([]);
    expect(storedSignups('token59', s)).toHaveLength(1);
    expect(storedSignups('token10', s)).toHaveLength(1);
  });
});
