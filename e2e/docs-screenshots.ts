/** Where screenshots go: docs/screenshots/ with HIPWISE_UPDATE_DOCS=1, else a temp folder. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const UPDATE_DOCS = process.env['HIPWISE_UPDATE_DOCS'] === '1';
const DOCS_DIR = resolve(fileURLToPath(new URL('../docs/screenshots', import.meta.url)));

/** A temp folder for this test file's screenshots that are never docs. */
export const TMP_DIR = mkdtempSync(join(tmpdir(), 'hipwise-e2e-'));

/** The path of a docs screenshot: docs/screenshots/ when refreshing them, else the temp folder. */
export function shotPath(name: string): string {
  const dir = UPDATE_DOCS ? DOCS_DIR : TMP_DIR;
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** A real picture, not an empty or failed capture. */
export function assertNonEmpty(path: string, minBytes = 10_000): void {
  assert.ok(statSync(path).size > minBytes, `${path} is a real screenshot`);
}
