/**
 * Parity: every shipped control has a test table with passing and failing cases, generated docs
 * that are current, and framework mappings that exist in the catalogs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allControls } from './registry.js';
import { isKnownId } from '../frameworks/index.js';
import { FRAMEWORK_NAMES } from '../../model/finding.js';
import { isSeverity } from '../../model/types.js';
import { staleDocs } from '../../../scripts/gen-docs.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const engines = join(here, '..');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const files = walk(engines);
const testFiles = files.filter((f) => f.endsWith('.test.ts'));
const testText = new Map(testFiles.map((f) => [f, readFileSync(f, 'utf8')]));

test('control IDs are unique kebab-case', () => {
  const ids = allControls().map((c) => c.meta.id);
  assert.ok(ids.length > 0);
  assert.equal(new Set(ids).size, ids.length, 'duplicate control ID');
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/, id);
});

test('every control has complete metadata', () => {
  for (const c of allControls()) {
    const m = c.meta;
    assert.ok(isSeverity(m.severity), `${m.id}: severity`);
    for (const field of ['title', 'rationale', 'remediation'] as const) assert.ok(m[field].trim().length > 10, `${m.id}: ${field}`);
    assert.ok(m.kinds.length > 0, `${m.id}: kinds`);
    const mapped = FRAMEWORK_NAMES.some((fw) => (m.frameworks[fw]?.length ?? 0) > 0);
    assert.ok(mapped, `${m.id}: maps to no framework`);
    for (const [name, p] of Object.entries(m.params ?? {})) {
      const ok = p.type === 'string[]' ? Array.isArray(p.default) : typeof p.default === p.type;
      assert.ok(ok, `${m.id}: parameter ${name} default does not match its type`);
    }
  }
});

test('every framework ID a control maps to exists in the catalogs', () => {
  const bad: string[] = [];
  for (const c of allControls()) {
    for (const fw of FRAMEWORK_NAMES) for (const id of c.meta.frameworks[fw] ?? []) if (!isKnownId(fw, id)) bad.push(`${c.meta.id} → ${fw}:${id}`);
  }
  assert.deepEqual(bad, []);
});

test('every control has a test table with passing and failing cases', () => {
  const missing: string[] = [];
  for (const c of allControls()) {
    const id = c.meta.id;
    const own = files.find((f) => f.endsWith(`/${id}.ts`));
    const beside = own ? own.replace(/\.ts$/, '.test.ts') : undefined;
    const candidates = beside && testText.has(beside) ? [beside] : testFiles.filter((f) => testText.get(f)!.includes(`'${id}'`) || testText.get(f)!.includes(`"${id}"`));
    const ok = candidates.some((f) => {
      const t = testText.get(f)!;
      return /testControl\(/.test(t) ? /valid\s*:/.test(t) && /invalid\s*:/.test(t) : /\bpass|valid|allowed/i.test(t) && /\bfail|invalid|violat/i.test(t);
    });
    if (!ok) missing.push(`${id}${own ? ` (${relative(repo, own)})` : ''}`);
  }
  assert.deepEqual(missing, [], 'controls without a test table');
});

test('generated control docs are current (run `npm run docs`)', () => {
  assert.deepEqual(staleDocs(join(repo, 'docs', 'controls')), []);
});
