import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SERVER_MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
export const BACKUP_CLI = fileURLToPath(new URL('../cli/backup-cli.ts', import.meta.url));

export interface RunResult {
  output: string;
  /** The exit code, or null while the process still runs. */
  code: number | null;
  child: ChildProcess;
}

/** Runs a TypeScript entry point until it prints a line matching `until` or exits. */
export function runTs(file: string, args: readonly string[], env: Record<string, string>, until: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    env: { ...process.env, HIPWISE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<RunResult>((resolve) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (until.test(output)) resolve({ output, code: null, child });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ output, code, child }));
  });
}

/** Sends SIGTERM and waits for the exit code. */
export async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  child.kill('SIGTERM');
  return exited;
}
