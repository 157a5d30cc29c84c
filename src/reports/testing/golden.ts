/**
 * Golden files: `src/reports/__golden__/<name>`, compared byte for byte.
 * Regenerate after an intended change with `UPDATE_GOLDEN=1 npm test` (or the single test file),
 * then review the diff.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '__golden__');

export function assertGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `golden file ${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
  const expected = readFileSync(file, 'utf8');
  if (actual !== expected) {
    assert.equal(actual, expected, `${name} differs from its golden file; if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff`);
  }
}
