import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPaths } from './index.js';
import { loadText } from './text.js';

function tree(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-input-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

test('loadPaths: walks directories recursively in code-point order, only manifest extensions', async (t) => {
  const dir = tree({
    'b.yaml': cm('b'),
    'a.yml': cm('a'),
    'B.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'B' } }),
    'sub/c.yaml': cm('c'),
    'notes.txt': 'not a manifest',
    '.git/config.yaml': cm('git'),
  });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const r = await loadPaths(['.'], { cwd: dir });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(
    r.resources.map((x) => x.object.metadata?.name),
    ['B', 'a', 'b', 'c'],
  );
  assert.deepEqual(
    r.files.map((f) => [f.file, f.status]),
    [
      ['B.json', 'scanned'],
      ['a.yml', 'scanned'],
      ['b.yaml', 'scanned'],
      ['sub/c.yaml', 'scanned'],
    ],
  );
});

test('loadPaths: file paths stay as given (relative stays relative)', async (t) => {
  const dir = tree({ 'k8s/app.yaml': cm('x') });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const r = await loadPaths(['k8s/app.yaml', 'k8s'], { cwd: dir });
  assert.deepEqual(
    r.resources.map((x) => x.source.file),
    ['k8s/app.yaml', 'k8s/app.yaml'],
  );
  assert.equal(r.resources[0]?.source.locate('/metadata/name')?.file, 'k8s/app.yaml');
});

test('loadPaths: bad input never stops the rest and every file and document is accounted for', async (t) => {
  const dir = tree({
    '1-good.yaml': cm('good'),
    '2-mixed.yaml': `${cm('first')}---\nkind: [unclosed\n---\n${cm('third')}---\nfoo: bar\n---\n# nothing\n`,
    '3-broken.yaml': 'a: b: c\n',
    '4-binary.yaml': new Uint8Array([0x61, 0x00, 0x62]),
    '5-latin1.yaml': new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x0a]),
    '6-empty.yaml': '# just a comment\n',
    '7-bad.json': '{"apiVersion": "v1",\n "kind": }',
  });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const r = await loadPaths(['.', 'missing.yaml'], { cwd: dir });
  assert.deepEqual(
    r.resources.map((x) => x.object.metadata?.name),
    ['good', 'first', 'third'],
  );
  const byFile = Object.fromEntries(r.files.map((f) => [f.file, f]));
  assert.deepEqual(
    r.files.map((f) => [f.file, f.status]),
    [
      ['1-good.yaml', 'scanned'],
      ['2-mixed.yaml', 'scanned'],
      ['3-broken.yaml', 'failed'],
      ['4-binary.yaml', 'failed'],
      ['5-latin1.yaml', 'failed'],
      ['6-empty.yaml', 'skipped'],
      ['7-bad.json', 'failed'],
      ['missing.yaml', 'failed'],
    ],
  );
  const mixed = byFile['2-mixed.yaml'];
  assert.ok(mixed);
  assert.equal(mixed.documents, 5);
  assert.equal(mixed.resources, 2);
  assert.equal(mixed.failedDocuments, 1);
  assert.deepEqual(
    mixed.skipped.map((s) => [s.documentIndex, s.line, s.reason]),
    [
      [3, 13, 'not a Kubernetes object (apiVersion and kind missing)'],
      [4, 14, 'empty document'],
    ],
  );
  const errs = r.errors.map((e) => [e.file, e.line, e.column, e.code]);
  assert.deepEqual(errs, [
    ['2-mixed.yaml', 7, 1, 'yaml-syntax'],
    ['3-broken.yaml', 1, 5, 'yaml-syntax'],
    ['4-binary.yaml', 1, 1, 'unreadable'],
    ['5-latin1.yaml', 1, 1, 'unreadable'],
    ['7-bad.json', 2, 10, 'json-syntax'],
    ['missing.yaml', 0, 0, 'not-found'],
  ]);
  for (const e of r.errors) assert.ok(e.message.length > 0 && !e.message.includes('\n'), `plain one-line message: ${e.message}`);
  assert.match(r.errors[2]?.message ?? '', /binary/);
  assert.match(r.errors[3]?.message ?? '', /UTF-8/);
});

test('loadPaths: stdin via "-" is named <stdin>, YAML or JSON', async () => {
  const y = await loadPaths(['-'], { stdin: async () => `${cm('from-stdin')}---\n${cm('two')}` });
  assert.deepEqual(
    y.resources.map((x) => [x.source.file, x.object.metadata?.name]),
    [
      ['<stdin>', 'from-stdin'],
      ['<stdin>', 'two'],
    ],
  );
  assert.equal(y.resources[1]?.source.locate('/metadata/name')?.line, 9);
  const j = await loadPaths(['-'], { stdin: async () => '{\n\t"apiVersion": "v1",\n\t"kind": "Pod",\n\t"metadata": {"name": "tabbed"}\n}' });
  assert.deepEqual(j.errors, []);
  assert.equal(j.resources[0]?.object.metadata?.name, 'tabbed');
  // tab-indented JSON is located by the JSON scanner
  assert.deepEqual(j.resources[0]?.source.locate('/metadata/name'), { file: '<stdin>', line: 4, column: 23, endLine: 4, endColumn: 31 });
  assert.deepEqual(j.files.map((f) => f.file), ['<stdin>']);
});

test('loadPaths: exclusions skip matching files and directories with the pattern as the reason', async (t) => {
  const dir = tree({ 'app/a.yaml': cm('a'), 'vendor/v.yaml': cm('v'), 'app/gen.json': '{}', 'app/tests/t.yaml': cm('t') });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const r = await loadPaths(['.'], { cwd: dir, exclude: ['vendor', '*.json', 'app/tests/**'] });
  assert.deepEqual(
    r.resources.map((x) => x.object.metadata?.name),
    ['a'],
  );
  assert.deepEqual(
    r.files.map((f) => [f.file, f.status, f.reason]),
    [
      ['app/a.yaml', 'scanned', undefined],
      ['app/gen.json', 'skipped', 'excluded by pattern "*.json"'],
      ['app/tests', 'skipped', 'excluded by pattern "app/tests/**"'],
      ['vendor', 'skipped', 'excluded by pattern "vendor"'],
    ],
  );
});

test('loadText: Kubernetes YAML semantics (go-yaml v2 / sigs.k8s.io/yaml)', () => {
  const text = `apiVersion: v1
kind: Pod
metadata: {name: x}
spec:
  hostNetwork: yes
  hostPID: on
  hostIPC: n
  enableServiceLinks: True
  plain: yesterday
  proto: toString
  quoted: "yes"
  mode: 0644
  hex: 0x1F
  float: 1.5
  stamp: 2024-01-02
  nothing: ~
  empty:
`;
  const r = loadText(text, 's.yaml');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.resources[0]?.object['spec'], {
    hostNetwork: true,
    hostPID: true,
    hostIPC: false,
    enableServiceLinks: true,
    plain: 'yesterday',
    proto: 'toString',
    quoted: 'yes',
    mode: 420,
    hex: 31,
    float: 1.5,
    stamp: '2024-01-02',
    nothing: null,
    empty: null,
  });
});

test('loadText: ambiguous or executable input is an error, never data', () => {
  const cases: [string, RegExp][] = [
    ['apiVersion: v1\nkind: Pod\nkind: Service\n', /duplicated mapping key/],
    ['apiVersion: v1\nkind: Pod\nspec: !!js/function "function(){}"\n', /unknown .*tag/],
    ['apiVersion: v1\nkind: Pod\nspec: !custom {a: 1}\n', /unknown .*tag/],
    ['apiVersion: v1\nkind: Pod\ndata: !!binary aGVsbG8=\n', /unknown .*tag/],
  ];
  for (const [text, message] of cases) {
    const r = loadText(text, 'e.yaml');
    assert.equal(r.resources.length, 0, text);
    assert.equal(r.errors.length, 1, text);
    assert.match(r.errors[0]?.message ?? '', message);
    assert.equal(r.errors[0]?.code, 'yaml-syntax');
    assert.equal(r.report.status, 'failed');
  }
});

test('loadText: List and *List kinds are flattened; items without apiVersion/kind are skipped with a reason', () => {
  const text = `apiVersion: apps/v1
kind: DeploymentList
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d1}
  - metadata: {name: orphan}
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d2}
`;
  const r = loadText(text, 'l.yaml');
  assert.deepEqual(
    r.resources.map((x) => [x.object.metadata?.name, x.source.listIndex]),
    [
      ['d1', 0],
      ['d2', 2],
    ],
  );
  assert.deepEqual(r.report.skipped, [{ documentIndex: 0, line: 7, reason: 'not a Kubernetes object (apiVersion and kind missing)' }]);
  // A non-List kind with `items` is an object like any other.
  const notList = loadText('apiVersion: v1\nkind: Thing\nitems: [1]\n', 'n.yaml');
  assert.equal(notList.resources.length, 1);
});

test('resolvePlainScalar: go-yaml v2 plain scalar resolution', async () => {
  const { resolvePlainScalar } = await import('./schema.js');
  const cases: [string, string, unknown][] = [
    ['yes', 'bool', true],
    ['Y', 'bool', true],
    ['ON', 'bool', true],
    ['off', 'bool', false],
    ['n', 'bool', false],
    ['yEs', 'str', undefined],
    ['', 'null', null],
    ['~', 'null', null],
    ['Null', 'null', null],
    ['0644', 'int', 420],
    ['0x1F', 'int', 31],
    ['0o17', 'int', 15],
    ['0b101', 'int', 5],
    ['-0b11', 'int', -3],
    ['1_000', 'int', 1000],
    ['+12', 'int', 12],
    ['08', 'float', 8],
    ['1e3', 'float', 1000],
    ['-.5', 'float', -0.5],
    ['.5', 'float', 0.5],
    ['-.inf', 'float', Number.NEGATIVE_INFINITY],
    ['1:30', 'str', undefined],
    ['12:30:00', 'str', undefined],
    ['2024-01-02', 'str', undefined],
    ['0.5.1', 'str', undefined],
    ['1.2.3.4', 'str', undefined],
    ['v1', 'str', undefined],
    // prototype names are plain strings, never looked up on Object.prototype
    ['toString', 'str', undefined],
    ['constructor', 'str', undefined],
    ['__proto__', 'str', undefined],
  ];
  for (const [text, kind, value] of cases) {
    const r = resolvePlainScalar(text);
    assert.equal(r.kind, kind, text);
    if (r.kind !== 'str') assert.equal(r.value, value, text);
  }
});

test('loadText: plain keys resolve like values (sigs.k8s.io/yaml stringifies bool/number keys) and stay locatable', () => {
  const r = loadText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: k}\ndata:\n  yes: a\n  0644: b\n', 'k.yaml');
  assert.deepEqual(r.resources[0]?.object['data'], { true: 'a', '420': 'b' });
  assert.equal(r.resources[0]?.source.locate('/data/true')?.line, 5);
  assert.equal(r.resources[0]?.source.locate('/data/420')?.line, 6);
});

test('loadText: UTF-16 with a BOM is decoded', async (t) => {
  const dir = tree({});
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const text = '\ufeff' + cm('utf16');
  writeFileSync(join(dir, 'u.yaml'), Buffer.from(text, 'utf16le'));
  const r = await loadPaths(['u.yaml'], { cwd: dir });
  assert.deepEqual(r.errors, []);
  assert.equal(r.resources[0]?.object.metadata?.name, 'utf16');
  assert.equal(r.resources[0]?.source.locate('/metadata/name')?.column, 9);
});

test('loadPaths: symlinked directories are followed once (cycles are cut)', async (t) => {
  const { symlinkSync } = await import('node:fs');
  const dir = tree({ 'real/a.yaml': cm('a') });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(join(dir, 'real'), join(dir, 'real', 'loop'));
  symlinkSync(join(dir, 'real'), join(dir, 'alias'));
  const r = await loadPaths(['.'], { cwd: dir });
  // `alias` sorts first, so the tree is read through it; `real` and `real/loop` are the same tree
  assert.deepEqual(
    r.resources.map((x) => x.source.file),
    ['alias/a.yaml'],
  );
});
