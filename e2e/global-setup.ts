// Once per `vitest run`: make sure the build is current, start the built server on a fresh PGlite
// data directory (the demo data loads on this first start), and hand its address to every spec.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, startServer } from './harness.js';

export default async function setup(project: TestProject) {
  if (!process.env.YOUSHE_E2E_SERVER) {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/ensure-built.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the build failed; the browser specs need apps/web/dist and apps/server/dist');
  }
  const started = Date.now();
  const server = await startServer();
  console.log(`[e2e] server ready at ${server.baseUrl} in ${Date.now() - started} ms (data: ${server.dataDir})`);
  project.provide('baseUrl', server.baseUrl);
  return async () => {
    await server.stop();
  };
}
