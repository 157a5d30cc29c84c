/**
 * Parity: every shipped control has a test table with passing and failing cases, generated docs
 * that are current, and framework mappings that exist in the catalogs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allControls } from './registry.js';
import { isKnownId, mappingProblems } from '../frameworks/index.js';
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

/**
 * Which controls are given a test table: resolve the first argument of every `testControl(x, …)`
 * call through the test file's imports to the control object it names. Static, so it needs no
 * test to have run and cannot be fooled by a file that merely mentions an ID.
 */
async function controlsWithTables(): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const file of testFiles) {
    const text = testText.get(file)!;
    if (!text.includes('testControl(')) continue;
    const bindings = new Map<string, { module: string; name: string }>();
    for (const m of text.matchAll(/import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]+)\})?\s*from\s+'(\.[^']+)'/g)) {
      const module = join(dirname(file), m[3]!.replace(/\.js$/, '.ts'));
      if (m[1]) bindings.set(m[1], { module, name: 'default' });
      for (const part of (m[2] ?? '').split(',')) {
        const [orig, alias] = part.trim().split(/\s+as\s+/);
        if (orig) bindings.set((alias ?? orig).trim(), { module, name: orig.trim() });
      }
    }
    for (const call of text.matchAll(/testControl\(\s*([A-Za-z_$][\w$]*)/g)) {
      const b = bindings.get(call[1]!);
      if (!b) continue;
      const mod = (await import(pathToFileURL(b.module).href)) as Record<string, { meta?: { id?: string } } | undefined>;
      const id = mod[b.name]?.meta?.id;
      if (id) ids.add(id);
    }
  }
  return ids;
}
const withTables = await controlsWithTables();

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

test('framework mappings mean what they say (CIS v1.12 numbering, PSS ↔ CIS consistency)', () => {
  assert.deepEqual(mappingProblems(allControls().map((c) => c.meta)), []);
});

test('every control has a test table with passing and failing cases', () => {
  const missing = allControls()
    .map((c) => c.meta.id)
    .filter((id) => !withTables.has(id));
  assert.deepEqual(missing, [], 'controls without a test table (testControl)');
});

test('generated control docs are current (run `npm run docs`)', () => {
  assert.deepEqual(staleDocs(join(repo, 'docs', 'controls')), []);
});
