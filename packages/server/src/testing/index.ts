// Test support of the server, `@hipwise/server/testing`: for its own tests, bench/ and e2e/.
export {
  SERVER_MAIN,
  BACKUP_CLI,
  runTs,
  runNode,
  exited,
  stop,
  killHard,
  type RunResult,
} from './run-process.js';
export {
  DATABASE_KINDS,
  TEST_POSTGRES_URL,
  freshDatabase,
  skipPostgres,
  type DatabaseKind,
} from './test-databases.js';
export * from './test-app.js';
export * from './fixtures.js';
export { seedAccount, checkinRecorder, hashPassword, type SeededAccount } from './seed.js';
export * from './kill/scenario.js';
export { bodyFor, seqOf } from './kill/numbered-writes.js';
export { openDatabase } from '../db/open-database.js';
export { loadMigrations, migrate } from '../db/migrate.js';
export type { Database } from '../db/database.js';
export { makeClinician, grantConsent, revokeConsent } from './consent-support.js';
export { adminCommand } from '../cli/admin.js';
export { argon2Hasher } from '../services/password-hasher.js';
