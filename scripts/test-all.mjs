#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first that fails.
//
//   1. lint        eslint .
//   2. typecheck   tsc -p for every workspace
//   3. unit + integration   vitest projects: shared, web, server-pglite (+ server-postgres with TEST_DATABASE_URL)
//   4. build       scripts/ensure-built.mjs (the same step `npm start` takes)
//   5. browser     e2e specs in Chromium against the built server
//
// The last line is always `N passed, N failed`: the vitest tests of steps 3 and 5 added up. A step that
// fails without running tests (lint, typecheck, build, or vitest failing to start) counts as one failure,
// so a failed run never reports `0 failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, '.tmp', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const totals = { passed: 0, failed: 0 };
const timings = [];
const runStarted = Date.now();

function header(title) {
  const line = '='.repeat(78);
  console.log(`\n${line}\n== ${title}\n${line}`);
}

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/** Reads vitest's JSON report; null when vitest wrote none (it crashed, or found a config error). */
function vitestCounts(file) {
  if (!existsSync(file)) return null;
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
  } catch {
    return null;
  }
}

function finish(failedStep) {
  const seconds = ((Date.now() - runStarted) / 1000).toFixed(0);
  header(failedStep ? `FAILED at: ${failedStep}` : 'all checks passed');
  for (const t of timings) console.log(`  ${t.ok ? 'ok  ' : 'FAIL'}  ${t.name.padEnd(28)} ${t.seconds.toFixed(1).padStart(7)} s`);
  console.log(`  total ${seconds} s`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(failedStep ? 1 : 0);
}

function step(name, fn) {
  header(name);
  const started = Date.now();
  const ok = fn();
  timings.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  if (!ok) finish(name);
}

/** A step with no test counts of its own: one failure when it fails. */
function plain(name, cmd, args, env) {
  step(name, () => {
    const ok = run(cmd, args, env) === 0;
    if (!ok) totals.failed += 1;
    return ok;
  });
}

/** A vitest run whose passed/failed tests are added to the totals. */
function vitest(name, extraArgs, reportName) {
  step(name, () => {
    const file = path.join(reports, `${reportName}.json`);
    const status = run(npx, ['vitest', 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
    const counts = vitestCounts(file);
    if (counts) {
      totals.passed += counts.passed;
      totals.failed += counts.failed;
    }
    const ok = status === 0;
    // vitest failed but no test did (an error outside tests, or no report): still one failure.
    if (!ok && (!counts || counts.failed === 0)) totals.failed += 1;
    return ok;
  });
}

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
console.log(
  `Youshe tests — integration on PGlite${onPostgres ? ' and PostgreSQL (TEST_DATABASE_URL)' : ' only (set TEST_DATABASE_URL to add PostgreSQL)'}`,
);

plain('1/5 lint (eslint)', npx, ['eslint', '.']);
plain('2/5 typecheck (tsc)', npm, ['run', 'typecheck', '--silent']);
vitest('3/5 unit + integration (vitest)', [], 'vitest-unit');
plain('4/5 build', process.execPath, ['scripts/ensure-built.mjs']);
vitest('5/5 browser specs (e2e, Chromium)', ['--config', 'e2e/vitest.config.ts'], 'vitest-e2e');
finish(null);
