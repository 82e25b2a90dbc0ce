import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { claimOf, DataDirInUseError, lockDataDir, processStartTime } from './data-dir-lock.js';

function tempDir() {
  return mkdtempSync(join(tmpdir(), 'hipwise-lock-'));
}

/** A temp dir and a real other process that lives until the test ends; both gone after it. */
function dirAndOtherProcess(t: TestContext) {
  const dir = tempDir();
  const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  t.after(() => {
    other.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, other };
}

test('a live process that holds the claim keeps it', (t) => {
  const { dir, other } = dirAndOtherProcess(t);
  writeFileSync(join(dir, 'hipwise.pid'), claimOf(other.pid!));
  assert.throws(() => lockDataDir(dir), DataDirInUseError);
});

test(
  'a claim whose pid now belongs to another process (pid reused after a crash) is taken over',
  { skip: processStartTime(process.pid) === undefined && 'no /proc here' },
  (t) => {
    const { dir, other } = dirAndOtherProcess(t);
    // The pid is alive, but the start time recorded with it is not this process's.
    const started = Number(processStartTime(other.pid!));
    writeFileSync(join(dir, 'hipwise.pid'), `${other.pid} ${started - 1}`);
    const release = lockDataDir(dir);
    assert.equal(readFileSync(join(dir, 'hipwise.pid'), 'utf8'), claimOf(process.pid));
    release();
  },
);

test('a claim left by a dead process is taken over, and released on close', (t) => {
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // 2^22 + 1 is above Linux's largest pid, so no process can have it.
  writeFileSync(join(dir, 'hipwise.pid'), '4194305 12345');
  const release = lockDataDir(dir);
  assert.equal(readFileSync(join(dir, 'hipwise.pid'), 'utf8'), claimOf(process.pid));
  release();
  assert.throws(() => readFileSync(join(dir, 'hipwise.pid')), /ENOENT/);
});

test('a claim in the older pid-only form still protects a live process', (t) => {
  const { dir, other } = dirAndOtherProcess(t);
  writeFileSync(join(dir, 'hipwise.pid'), String(other.pid));
  assert.throws(() => lockDataDir(dir), /in use by another hipwise process/);
});
