#!/usr/bin/env node
// Builds the console (apps/web → apps/web/dist) and the server (apps/server → apps/server/dist)
// only when a build is missing or older than its sources, so `npm start` is quick after the first time.
//
//   node scripts/ensure-built.mjs           build what is stale
//   node scripts/ensure-built.mjs --force   build both regardless
//
// Each build leaves a stamp file in its dist folder; a build is stale when any source file is newer
// than the stamp. Sources are compared by modification time, which is what a checkout or an edit changes.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const STAMP = '.youshe-build-stamp';

const targets = [
  {
    name: 'console (apps/web)',
    dir: 'apps/web',
    out: 'apps/web/dist',
    // Without an index.html there is no console to build yet; the server then serves the API only.
    required: 'apps/web/index.html',
    sources: [
      'apps/web/src',
      'apps/web/index.html',
      'apps/web/public',
      'apps/web/vite.config.ts',
      'apps/web/package.json',
      'packages/shared/src',
    ],
  },
  {
    name: 'server (apps/server)',
    dir: 'apps/server',
    out: 'apps/server/dist',
    required: 'apps/server/src/server.ts',
    sources: ['apps/server/src', 'apps/server/build.mjs', 'apps/server/package.json', 'packages/shared/src'],
  },
];

/** Newest modification time (ms) of a file, or of any file below a folder; 0 when absent. */
function newestMtime(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry.name)));
  }
  return newest;
}

function staleReason(target) {
  if (force) return 'forced';
  const stamp = path.join(root, target.out, STAMP);
  if (!existsSync(stamp)) return 'no build yet';
  const built = statSync(stamp).mtimeMs;
  const newest = Math.max(...target.sources.map((s) => newestMtime(path.join(root, s))));
  return newest > built ? 'sources changed since the last build' : null;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let failed = false;
for (const target of targets) {
  if (!existsSync(path.join(root, target.required))) {
    console.warn(`[build] ${target.name}: ${target.required} not found, skipped`);
    continue;
  }
  const reason = staleReason(target);
  if (!reason) {
    console.log(`[build] ${target.name}: up to date`);
    continue;
  }
  console.log(`[build] ${target.name}: building (${reason})…`);
  const started = Date.now();
  // Always a production build: a NODE_ENV inherited from the caller (vitest sets `test`) would give
  // the console React's and Ant Design's development builds, with their warnings.
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(npm, ['run', 'build', '--silent'], { cwd: path.join(root, target.dir), stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`[build] ${target.name}: build FAILED (exit ${result.status ?? result.signal})`);
    failed = true;
    break;
  }
  // The stamp carries the time the build began, so an edit made during the build still counts as newer.
  const stamp = path.join(root, target.out, STAMP);
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  utimesSync(stamp, new Date(started), new Date(started));
  console.log(`[build] ${target.name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
process.exit(failed ? 1 : 0);
