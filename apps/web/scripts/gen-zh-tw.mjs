// Generates src/i18n/locales/zh-TW.json from zh-CN.json with OpenCC (mainland → Taiwan characters).
// zh-CN is the source language; never edit zh-TW.json by hand. Run: npm run i18n:zh-tw -w @youshe/web
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';

const localesDir = new URL('../src/i18n/locales/', import.meta.url);
export const SOURCE_FILE = fileURLToPath(new URL('zh-CN.json', localesDir));
export const TARGET_FILE = fileURLToPath(new URL('zh-TW.json', localesDir));

const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Converts every string of a nested message object, keeping keys and {{placeholders}} as they are. */
export function toTraditional(value) {
  if (typeof value === 'string')
    return value.replace(/(\{\{[^}]*\}\})|([^{]+|\{)/g, (_m, placeholder, text) => placeholder ?? convert(text));
  if (Array.isArray(value)) return value.map(toTraditional);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toTraditional(v)]));
  return value;
}

/** The file's exact text, as committed. */
export function renderTraditional(source) {
  return `${JSON.stringify(toTraditional(source), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const source = JSON.parse(readFileSync(SOURCE_FILE, 'utf8'));
  writeFileSync(TARGET_FILE, renderTraditional(source));
  console.log(`wrote ${TARGET_FILE}`);
}
