import { ConfigError, loadConfig } from './config.js';
import { MigrationError } from './db/migrate.js';
import { DataDirInUseError } from './db/data-dir-lock.js';
import { PortInUseError, startServer } from './server.js';

// Expected start-up failures get one plain sentence; anything else keeps its stack for a bug report.
async function main() {
  try {
    const config = loadConfig(process.env);
    const graceMs = config.shutdownGraceMs;
    const server = await startServer(config);
    const store = config.databaseUrl
      ? 'PostgreSQL (DATABASE_URL)'
      : `embedded PostgreSQL in ${config.dataDir}`;
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        // A second Ctrl-C means "now". Every commit is already on disk; the next start recovers.
        server.log.warn({ signal }, 'stopping at once, without waiting for requests in flight');
        process.exit(1);
      }
      stopping = true;
      server.log.info({ signal, graceMs }, 'shutting down');
      server.close({ graceMs }).then(
        () => process.exit(0),
        (err: unknown) => {
          server.log.error({ err }, 'error while shutting down');
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    // Announced only once the signal handlers are in: whoever waits for this line may stop us at once.
    console.log(`hipwise is running at ${server.url}  (data: ${store})`);
  } catch (err) {
    if (
      err instanceof ConfigError ||
      err instanceof PortInUseError ||
      err instanceof MigrationError ||
      err instanceof DataDirInUseError
    ) {
      console.error(`hipwise could not start: ${err.message}`);
    } else {
      console.error('hipwise could not start:', err);
    }
    process.exit(1);
  }
}

await main();
