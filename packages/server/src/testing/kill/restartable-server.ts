import { killHard, runTs, SERVER_MAIN, type RunResult } from '../run-process.js';

/**
 * The real server process on one store, started again after each kill on the same port, as a
 * supervisor restarting a service would (or on a new one when another program took it meanwhile).
 */
export function restartableServer(kind: string, storeEnv: Record<string, string>) {
  let port = '0';
  let current: RunResult | undefined;
  let url = '';
  async function start(): Promise<RunResult> {
    const run = await runTs(
      SERVER_MAIN,
      [],
      { ...storeEnv, PORT: port },
      /running at (http:\S+)|could not start/,
    );
    const found = /running at (http:\S+)/.exec(run.output)?.[1];
    if (!found && port !== '0' && /already in use/.test(run.output)) {
      // Another program took the port while the server was down; the clients follow the new URL.
      await killHard(run.child);
      port = '0';
      return start();
    }
    if (run.code !== null || !found) {
      run.child.kill('SIGKILL');
      throw new Error(`the server did not start on the ${kind} store:\n${run.output}`);
    }
    current = run;
    url = found;
    port = new URL(found).port;
    return run;
  }
  return {
    start,
    /** The running process, if any. */
    get current() {
      return current;
    },
    /** Forgets the process once it has been stopped. */
    clear() {
      current = undefined;
    },
    get url() {
      return url;
    },
  };
}
