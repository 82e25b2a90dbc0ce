import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When the process started, in clock ticks since boot (field 22 of /proc/PID/stat), or undefined
 * where there is no /proc. A pid alone is not an identity: after a crash (say an out-of-memory
 * kill in a container) the dead server's pid is soon given to another process.
 */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in field 2 may hold spaces and parentheses; fields after it are plain.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19];
  } catch {
    return undefined;
  }
}

/** The text of a claim: "pid" or "pid start-time". */
export function claimOf(pid: number): string {
  const started = processStartTime(pid);
  return started === undefined ? String(pid) : `${pid} ${started}`;
}

/** Whether the claim names a process that is still running (the same one, not a reused pid). */
export function claimHeld(claim: string): boolean {
  const [pidText, started] = claim.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return false;
  if (started === undefined) return true;
  const now = processStartTime(pid);
  return now === undefined || now === started;
}

/**
 * PGlite is one process's database: two processes opening the same files would corrupt them.
 * A pid file claims the directory; a claim left by a process that has died is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'hipwise.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, claimOf(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const claim = readFileSync(file, 'utf8');
      if (claimHeld(claim)) {
        throw new DataDirInUseError(
          `The data in ${dir} is in use by another hipwise process (pid ${claim.trim().split(/\s+/)[0]}). Stop it first, or set HIPWISE_DATA_DIR to another folder.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not claim ${dir}; another process keeps claiming it.`);
}
