// Browser specs drive Debian's Chromium (playwright-core, no downloaded browser) against the BUILT
// server, started once per run by global-setup.ts on a fresh PGlite data directory with the demo data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { freePort } from '../apps/server/src/test/ports.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PASSWORD = 'youshe-demo';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

// ---------------------------------------------------------------------------------------------
// The server

/** The built server; YOUSHE_E2E_SERVER points the specs at another build (global-setup then builds nothing). */
export const SERVER_ENTRY = process.env.YOUSHE_E2E_SERVER
  ? path.resolve(process.env.YOUSHE_E2E_SERVER)
  : path.join(ROOT, 'apps/server/dist/server.js');

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Polls /api/health until it answers 200; returns the milliseconds it took from `since`. */
export async function waitForHealth(
  baseUrl: string,
  opts: { timeoutMs: number; since?: number; child?: ChildProcess; output?: () => string },
) {
  const since = opts.since ?? Date.now();
  for (;;) {
    if (opts.child && opts.child.exitCode !== null) {
      throw new Error(`server exited with code ${opts.child.exitCode} before it was healthy:\n${opts.output?.() ?? ''}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return Date.now() - since;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - since > opts.timeoutMs) {
      throw new Error(`server not healthy after ${opts.timeoutMs} ms:\n${opts.output?.() ?? ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts `node apps/server/dist/server.js` on a free port. With no dataDir a fresh temporary one is
 * made (and removed on stop), so the demo data loads on this first start (NODE_ENV=development, PGlite).
 */
export async function startServer(
  options: { dataDir?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunningServer> {
  const entry = SERVER_ENTRY;
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'youshe-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  // The specs run on the embedded database, whatever the caller's shell says.
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  const child = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const output = () => log;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, { timeoutMs: options.timeoutMs ?? 180_000, child, output });
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, dataDir, output, stop };
}

/** The address of the server global-setup.ts started for this run. */
export function baseUrl(): string {
  return inject('baseUrl');
}

// ---------------------------------------------------------------------------------------------
// The browser

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...extraArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface PageProblems {
  /** Console errors, uncaught exceptions and 5xx answers seen by this page. */
  errors: string[];
}

const problems = new WeakMap<Page, PageProblems>();

/**
 * A page in a context of its own (own cookies): desktop 1366x800, or a phone (390x844, touch).
 * Console errors, page errors and 5xx responses are collected; read them with `errorsOf(page)`.
 */
export async function newPage(browser: Browser, opts: { phone?: boolean; locale?: string } = {}): Promise<Page> {
  const context: BrowserContext = await browser.newContext({
    baseURL: baseUrl(),
    locale: opts.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(opts.phone
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true }
      : { viewport: { width: 1366, height: 800 } }),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const seen: PageProblems = { errors: [] };
  problems.set(page, seen);
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    // The browser's own log line for an expected 401 (the console asks /api/me before sign-in) is not an error of the page.
    if (/^Failed to load resource: the server responded with a status of 401\b/.test(text)) return;
    seen.errors.push(`console: ${text}`);
  });
  page.on('pageerror', (err) => seen.errors.push(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 500) seen.errors.push(`HTTP ${res.status()} ${res.request().method()} ${res.url()}`);
  });
  return page;
}

export function errorsOf(page: Page): string[] {
  return problems.get(page)?.errors ?? [];
}

/** Fails the test if the page logged a console error, threw, or got a 5xx. */
export function expectNoErrors(page: Page) {
  expect(errorsOf(page), 'console errors, page errors or 5xx answers').toEqual([]);
}

export async function closePage(page: Page) {
  await page.context().close();
}

/** Signs in through the console's sign-in page and waits until the console has loaded. */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD) {
  await page.goto('/');
  const form = page.getByTestId('login-form');
  await form.waitFor();
  await form.locator('input[type=text], input:not([type])').first().fill(login);
  await form.locator('input[type=password]').fill(password);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST');
  await page.getByTestId('login-submit').click();
  const res = await answered;
  if (res.status() !== 200) throw new Error(`sign-in as ${login} answered ${res.status()}: ${await res.text()}`);
  await form.waitFor({ state: 'detached' });
}

// ---------------------------------------------------------------------------------------------
// Accessibility

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page and fails on serious or critical violations. The source is evaluated
 * through the DevTools protocol (page.evaluate), which the console's CSP (script-src 'self') does
 * not apply to, unlike an injected <script> tag.
 */
export async function checkA11y(page: Page, opts: { exclude?: string[] } = {}) {
  // A select's option list that is closing (antd animates it out) is half in the page, its labels
  // already gone: let it finish, for up to 3 s, so that axe sees the page the user sees.
  for (let waited = 0; waited < 3000 && (await page.locator('.ant-select-dropdown:visible').count()) > 0; waited += 100) {
    await page.waitForTimeout(100);
  }
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (window as any).axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  const violations: AxeViolation[] = await page.evaluate(async (exclude) => {
    const axe = (window as any).axe;
    const context = exclude.length ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n: any) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, opts.exclude ?? []);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
  expect(serious.length, `axe: serious or critical violations on ${page.url()}\n${report}`).toBe(0);
  return violations;
}

/** True when the page scrolls sideways, i.e. something is wider than the viewport. */
export function hasHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

// Console forms

/** Opens an antd select (or tree select) and picks the option whose text is `text`, typing `search` first if given. */
export async function pick(page: Page, field: Locator, text: string, search?: string) {
  // The search box, not the middle of the field, where a chosen tag's remove button may sit.
  const input = field.locator('input').first();
  const chosen = async () => ((await field.textContent()) ?? '').includes(text);
  // On a loaded machine the list can re-render under the click (search results arriving): then the click
  // chose nothing, and the form would later refuse to save. Try again until the field shows the choice.
  for (let attempt = 1; ; attempt++) {
    await input.click();
    if (search) await input.fill(search);
    const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText(text, { exact: false }).first();
    await option.waitFor();
    await option.click();
    try {
      await expect.poll(chosen, { timeout: 3_000 }).toBe(true);
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/** Closes any open select dropdown. */
export async function closeDropdowns(page: Page) {
  await page.keyboard.press('Escape');
}

/** YYYY-MM-DD `offset` days from today in China time, as the console and the server count days. */
export function chinaDay(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86400_000));
}

/** Types both ends of the antd date-range picker inside `within`, each confirmed with Enter, as a user does. */
export async function fillDateRange(within: Locator, from: string, to: string) {
  const [start, end] = await within.locator('.ant-picker-range input').all();
  await start!.click();
  await start!.fill(from);
  await start!.press('Enter');
  await end!.fill(to);
  await end!.press('Enter');
}

// Files: made for uploads, read from downloads (their libraries loaded on demand, by the specs that use them)

/** A plain-coloured JPEG to upload: a real image, which the server decodes and makes thumbnails of. */
export async function solidJpeg(width: number, height: number, background: string): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp({ create: { width, height, channels: 3, background } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** Every row of every sheet of an .xlsx file, each as the JSON of its cell values, to search for text. */
export async function xlsxRows(file: string): Promise<string[]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => rows.push(row.values ? JSON.stringify(row.values) : '')));
  return rows;
}

// Screenshots

const SHOTS = process.env.E2E_SCREENSHOTS ? path.resolve(process.env.E2E_SCREENSHOTS) : null;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
/** E2E_SCREENSHOTS=<folder> keeps a full-page screenshot of the pages the specs pass through. */
export async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}
