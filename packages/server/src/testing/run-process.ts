import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SERVER_MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
export const BACKUP_CLI = fileURLToPath(new URL('../cli/backup-cli.ts', import.meta.url));

export interface RunResult {
  /** Everything the process has printed so far, stdout and stderr; it grows while it runs. */
  readonly output: string;
  /** The exit code, or null while the process still runs. */
  code: number | null;
  child: ChildProcess;
  /**
   * Resolves with the exit code once the process is gone and all it printed has been read: a log
   * line written just before exit (or asynchronously, after a line that was waited for) is in
   * `output` by then.
   */
  closed: Promise<number | null>;
}

/** Runs a TypeScript entry point until it prints a line matching `until` or exits. */
export function runTs(file: string, args: readonly string[], env: Record<string, string>, until: RegExp) {
  return runNode(['--import', 'tsx', file, ...args], env, until);
}

/** Runs node with `args` until it prints a line matching `until` or exits. */
export function runNode(args: readonly string[], env: Record<string, string>, until: RegExp) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, HIPWISE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const closed = new Promise<number | null>((r) => child.once('close', (code: number | null) => r(code)));
  const result = (code: number | null): RunResult => ({
    get output() {
      return output;
    },
    code,
    child,
    closed,
  });
  return new Promise<RunResult>((resolve) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (until.test(output)) resolve(result(null));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void closed.then((code) => resolve(result(code)));
  });
}

/** Resolves with the exit code (null when a signal ended it) once the process is gone. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

/**
 * Sends SIGTERM and waits for the exit code. A process still running after `timeoutMs` is killed
 * and the call fails, so a shutdown that hangs fails its test instead of hanging it.
 */
export async function stop(child: ChildProcess, timeoutMs = 20_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const gone = exited(child);
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((r) => (timer = setTimeout(r, timeoutMs, 'late')));
  const first = await Promise.race([gone, late]);
  clearTimeout(timer);
  if (first === 'late') {
    child.kill('SIGKILL');
    await gone;
    throw new Error(`the process did not exit within ${timeoutMs} ms of SIGTERM`);
  }
  return first;
}

/** Kills the process outright, as a power cut or the OOM killer would, and waits until it is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  const gone = exited(child);
  child.kill('SIGKILL');
  await gone;
}
