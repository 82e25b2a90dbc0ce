/**
 * Accessibility check of the screen a journey is on: axe-core (from node_modules, never the
 * network) run in the page against WCAG 2.0/2.1/2.2 A and AA plus axe's best practices. A
 * violation fails the journey with one line per rule and the elements it found.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** `HIPWISE_AXE_LOG=file`: one line per check (screen, milliseconds, violations), for timing. */
const LOG = process.env['HIPWISE_AXE_LOG'];

/** Screens already checked in this process. */
const checked = new Set<string>();

/**
 * Under `node --test` every test file is a child process of one runner: a directory named after
 * the runner (pid and start time, so a reused pid is a new run) lets the files of one run share
 * which screens are checked. Directories older than a day are removed. Elsewhere (not
 * run by `node --test`, or no /proc), each process keeps its own list.
 */
function runDirectory(): string | undefined {
  if (process.env['NODE_TEST_CONTEXT'] === undefined) return undefined;
  let started: string | undefined;
  try {
    const stat = readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
    started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]; // field 22: start time
  } catch {
    return undefined;
  }
  if (started === undefined) return undefined;
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith('hipwise-axe-'))) {
    const old = join(tmpdir(), name);
    if (statSync(old).mtimeMs < Date.now() - 86_400_000) rmSync(old, { recursive: true, force: true });
  }
  const dir = join(tmpdir(), `hipwise-axe-${process.ppid}-${started}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const RUN_DIR = runDirectory();

/** True for the first caller of the run to name `key` (a file per key, created exclusively). */
function firstToCheck(key: string): boolean {
  if (checked.has(key)) return false;
  checked.add(key);
  if (RUN_DIR === undefined) return true;
  try {
    writeFileSync(join(RUN_DIR, createHash('sha256').update(key).digest('hex')), key, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: ReadonlyArray<{ readonly target: readonly unknown[] }>;
}

/** Waits until no "Loading…" status is on screen, so axe sees what the user will read. */
async function settled(page: Page): Promise<void> {
  const deadline = Date.now() + 30_000;
  const loading = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[role="status"]')].some((e) => /^\s*Loading/.test(e.textContent ?? '')),
    );
  // Polled from Node: the page's own timers may be faked by a journey's clock.
  while (await loading()) {
    assert.ok(Date.now() < deadline, 'the screen is still loading after 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function formatViolations(screen: string, violations: readonly Violation[]): string {
  const lines = violations.map((v) => {
    const targets = v.nodes.map((n) => n.target.map(String).join(' ')).join(', ');
    return `- ${v.id} (${v.impact ?? 'no impact given'}): ${v.help}\n    on ${targets}\n    ${v.helpUrl}`;
  });
  return `axe: ${violations.length} accessibility violation(s) on "${screen}":\n${lines.join('\n')}`;
}

/**
 * Runs axe on the page as it is now, named `screen` in the failure. A screen (by name and
 * viewport width) is checked once per test run: most journeys pass through the same sign-up and
 * safety screens. The page's clock must not be paused (axe uses the page's timers).
 */
export async function checkA11y(page: Page, screen: string): Promise<void> {
  const key = `${screen} @${page.viewportSize()?.width ?? 0}px`;
  if (!firstToCheck(key)) return;
  const start = Date.now();
  await settled(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async (tags) => {
      const axe = (
        window as unknown as {
          axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> };
        }
      ).axe;
      const results = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target })),
      }));
    },
    AXE_TAGS as unknown as string[],
  );
  if (LOG !== undefined) appendFileSync(LOG, `${key}\t${Date.now() - start}\t${violations.length}\n`);
  if (violations.length > 0) assert.fail(formatViolations(key, violations));
}
