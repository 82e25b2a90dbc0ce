import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const OWNER_ONLY_DIR = 0o700;
const GROUP_OR_OTHER = 0o077;

/**
 * Takes group and other permissions off everything under `dir` (not following links) and
 * returns how many entries had them.
 */
export async function repairModes(dir: string): Promise<number> {
  let repaired = 0;
  const visit = async (path: string) => {
    const stat = await lstat(path);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & GROUP_OR_OTHER) !== 0) {
      await chmod(path, stat.mode & 0o700);
      repaired++;
    }
    if (stat.isDirectory()) {
      for (const name of await readdir(path)) await visit(join(path, name));
    }
  };
  await visit(dir);
  return repaired;
}

/**
 * The embedded database's files hold password hashes and notes in clear (its write-ahead log
 * too), so they are for this user alone: files are made under a private umask, the folder is
 * 0700, and an existing folder with looser modes is repaired. PGlite sets some file modes itself
 * (0666 for the files of a new database), so the repair runs after it has opened the folder too.
 */
export async function openPrivately<T>(
  dataDir: string,
  open: () => Promise<T>,
  report: (message: string) => void,
): Promise<T> {
  process.umask(GROUP_OR_OTHER);
  await mkdir(dataDir, { recursive: true, mode: OWNER_ONLY_DIR });
  const before = await repairModes(dataDir);
  if (before > 0) {
    report(
      `made ${before} files and folders in ${dataDir} private to this user (they were readable by others)`,
    );
  }
  const opened = await open();
  await repairModes(dataDir);
  return opened;
}
