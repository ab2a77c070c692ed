import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTraditional, SOURCE_FILE, TARGET_FILE } from '../../scripts/gen-zh-tw.mjs';

const localeFile = (name: string) => new URL(`./locales/${name}.json`, import.meta.url);
const load = (name: string) => JSON.parse(readFileSync(localeFile(name), 'utf8')) as Record<string, unknown>;

/** Every leaf key of a nested message object, as dotted paths. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** The {{placeholders}} of every message, so a translation cannot drop or rename one. */
function placeholdersOf(value: unknown, prefix = ''): Record<string, string[]> {
  if (typeof value === 'string') return { [prefix]: [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort() };
  if (value && typeof value === 'object') {
    return Object.assign({}, ...Object.entries(value).map(([k, v]) => placeholdersOf(v, prefix ? `${prefix}.${k}` : k)));
  }
  return {};
}

describe('interface messages', () => {
  const zhCN = load('zh-CN');
  const zhTW = load('zh-TW');
  const en = load('en');

  it('have the same keys in zh-CN, zh-TW and en', () => {
    const source = keysOf(zhCN).sort();
    expect(keysOf(zhTW).sort()).toEqual(source);
    expect(keysOf(en).sort()).toEqual(source);
  });

  it('have only non-empty strings as messages', () => {
    for (const [name, messages] of Object.entries({ zhCN, zhTW, en })) {
      for (const key of keysOf(messages)) {
        const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
        expect(typeof text === 'string' && text.trim().length > 0, `${name}: ${key}`).toBe(true);
      }
    }
  });

  it('keep the same placeholders in every language', () => {
    expect(placeholdersOf(en)).toEqual(placeholdersOf(zhCN));
    expect(placeholdersOf(zhTW)).toEqual(placeholdersOf(zhCN));
  });

  it('zh-TW is exactly the OpenCC conversion of zh-CN (run `npm run i18n:zh-tw -w @youshe/web` after editing zh-CN)', () => {
    expect(SOURCE_FILE).toBe(decodeURIComponent(localeFile('zh-CN').pathname));
    expect(readFileSync(TARGET_FILE, 'utf8')).toBe(renderTraditional(zhCN));
  });
});
