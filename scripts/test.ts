/**
 * Test entry point: finds test files and hands them to Node's built-in test runner (via tsx).
 *   unit:        src/**\/*.test.ts and test/unit/**\/*.test.ts
 *   integration: test/integration/**\/*.test.ts (needs a real kube-apiserver; see README)
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const suite = process.argv[2] ?? 'unit';
const roots = suite === 'integration' ? ['test/integration'] : ['src', 'test/unit', 'scripts'];
const filter = process.argv[3];

function walk(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
}

const files: string[] = [];
for (const r of roots) walk(r, files);
const selected = filter ? files.filter((f) => f.includes(filter)) : files;
if (selected.length === 0) {
  console.error(`no ${suite} test files found`);
  process.exit(1);
}
// Unit tests share one process (fast); integration tests get a process per file (they start
// API servers and must not share state).
const args =
  suite === 'integration'
    ? ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...selected]
    : ['--import', 'tsx', '--test', '--test-reporter=spec', 'scripts/test-entry.ts'];
const res = spawnSync(process.execPath, args, {
  stdio: 'inherit',
  env: { ...process.env, NO_COLOR: process.env['NO_COLOR'] ?? '1', RAMPART_TEST_FILES: JSON.stringify(selected) },
});
process.exit(res.status ?? 1);
