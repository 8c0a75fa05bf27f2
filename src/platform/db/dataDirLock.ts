import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(dir: string, pid: number, holder: string) {
    super(
      `The data directory ${dir} is in use by process ${pid} (${holder}). ` +
        `PGlite allows one process per data directory: stop that process first, ` +
        `or use PostgreSQL (DATABASE_URL) to run several.`,
    );
    this.name = 'DataDirLockedError';
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite's own postmaster.pid is not a lock: two processes on one directory lose data silently.
 * We hold `coop.lock` (created with O_EXCL) for the life of the process; a lock left by a dead
 * process (SIGKILL) is taken over.
 */
export function lockDataDir(dir: string, holder: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'coop.lock');
  const content = JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number };
          if (current.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let existing: { pid: number; holder: string } | undefined;
      try {
        existing = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number; holder: string };
      } catch {
        existing = undefined;
      }
      if (existing && existing.pid !== process.pid && isAlive(existing.pid)) {
        throw new DataDirLockedError(dir, existing.pid, existing.holder);
      }
      // Stale (its process is gone) or unreadable: take it over atomically by renaming it away.
      try {
        fs.renameSync(lockPath, `${lockPath}.stale-${process.pid}`);
        fs.unlinkSync(`${lockPath}.stale-${process.pid}`);
      } catch {
        // Another process took it over first; loop and look again.
      }
    }
  }
  throw new Error(`Could not lock the data directory ${dir}`);
}
