import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPaths } from './index.js';
import { loadText } from './text.js';
import { DEFAULT_LIMITS } from './types.js';

function billionLaughs(levels: number): string {
  let out = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  l0: &l0 "lol"\n';
  for (let i = 1; i <= levels; i++) out += `  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
  return out;
}

test('hostile: billion laughs is an alias-limit error well within a second', () => {
  const t0 = performance.now();
  const r = loadText(billionLaughs(12), 'lol.yaml');
  const ms = performance.now() - t0;
  assert.equal(r.resources.length, 0);
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0]?.code, 'alias-limit');
  assert.match(r.errors[0]?.message ?? '', /alias expansion exceeds the limit/);
  assert.equal(r.errors[0]?.file, 'lol.yaml');
  assert.ok((r.errors[0]?.line ?? 0) >= 5, 'points at an alias line');
  assert.ok(ms < 500, `took ${ms} ms`);
});

test('hostile: modest alias use within the limit still loads', () => {
  const r = loadText(billionLaughs(2), 'ok.yaml');
  assert.deepEqual(r.errors, []);
  const data = r.resources[0]?.object['data'] as Record<string, unknown>;
  assert.equal((data['l2'] as unknown[][]).flat().length, 81);
  // and the limit is the configured one
  const strict = loadText(billionLaughs(2), 'ok.yaml', { ...DEFAULT_LIMITS, maxAliases: 50 });
  assert.equal(strict.errors[0]?.code, 'alias-limit');
  const none = loadText('apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: a}\nx: *m\n', 'a.yaml', { ...DEFAULT_LIMITS, maxAliases: 0 });
  assert.equal(none.errors[0]?.code, 'alias-limit');
});

test('hostile: nesting depth is bounded for YAML (block and flow) and JSON', () => {
  const limits = { ...DEFAULT_LIMITS, maxDepth: 20 };
  const flow = `apiVersion: v1\nkind: ConfigMap\ndata: ${'['.repeat(50)}${']'.repeat(50)}\n`;
  let block = 'apiVersion: v1\nkind: ConfigMap\ndata:\n';
  for (let i = 1; i <= 30; i++) block += `${'  '.repeat(i)}k${i}:\n`;
  block += `${'  '.repeat(31)}leaf: 1\n`;
  const json = `{"apiVersion": "v1", "kind": "ConfigMap", "data": ${'['.repeat(50)}${']'.repeat(50)}}`;
  for (const [text, file] of [
    [flow, 'flow.yaml'],
    [block, 'block.yaml'],
    [json, 'deep.json'],
  ] as const) {
    const r = loadText(text, file, limits);
    assert.equal(r.resources.length, 0, file);
    assert.equal(r.errors[0]?.code, 'depth-limit', file);
    assert.equal(r.errors[0]?.message, 'nesting deeper than 20 levels', file);
  }
  // just below the limit loads
  const ok = loadText(`apiVersion: v1\nkind: ConfigMap\ndata: ${'['.repeat(10)}${']'.repeat(10)}\n`, 'ok.yaml', limits);
  assert.deepEqual(ok.errors, []);
});

test('hostile: files above the size limit are refused before being read', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-size-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'big.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  x: "${'a'.repeat(4096)}"\n`);
  writeFileSync(join(dir, 'small.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: small}\n');
  const r = await loadPaths(['.'], { cwd: dir, limits: { maxFileBytes: 1024 } });
  assert.deepEqual(
    r.resources.map((x) => x.object.metadata?.name),
    ['small'],
  );
  assert.equal(r.errors[0]?.code, 'size-limit');
  assert.equal(r.errors[0]?.file, 'big.yaml');
  assert.equal(r.files[0]?.status, 'failed');
  const stdin = await loadPaths(['-'], { stdin: async () => 'x'.repeat(2048), limits: { maxFileBytes: 1024 } });
  assert.equal(stdin.errors[0]?.code, 'size-limit');
});

test('hostile: __proto__ keys are plain data, never prototype pollution', () => {
  const r = loadText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\n__proto__: {polluted: true}\ndata:\n  __proto__: x\n', 'p.yaml');
  assert.deepEqual(r.errors, []);
  const obj = r.resources[0]?.object as Record<string, unknown>;
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.ok(Object.hasOwn(obj, '__proto__'));
  assert.equal(Object.getPrototypeOf(obj), Object.prototype);
});
