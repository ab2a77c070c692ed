import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * The embedded database may be opened by one process at a time: two PGlite instances on one data
 * folder do not see each other and can damage it. A lock file beside the data names the holder.
 * Returns the function that releases it.
 */
export function lockDataDir(dataDir: string, holder: string): () => void {
  const file = path.join(dataDir, 'youshe.lock');
  mkdirSync(dataDir, { recursive: true });
  const mine = JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const other = readHolder(file);
      if (other && other.pid !== process.pid && alive(other.pid)) {
        throw new Error(`the embedded database in ${dataDir} is in use by ${other.holder} (process ${other.pid}): stop it first`, {
          cause: err,
        });
      }
      // Left behind by a process that has ended.
      unlinkSync(file);
    }
  }
  throw new Error(`could not lock ${file}`);
}

function readHolder(file: string): { pid: number; holder: string } | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; holder?: unknown };
    return typeof v.pid === 'number' ? { pid: v.pid, holder: String(v.holder ?? 'another process') } : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
