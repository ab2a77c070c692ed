// Administration commands: `node apps/server/dist/cli.js <command>` or `npm run youshe -- <command>`.
// See cli/main.ts for the commands; this file only hands them the command line.
import { runCli } from './cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
