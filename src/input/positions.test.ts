import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadText } from './text.js';
import type { SourceLocation } from '../model/types.js';

/** The source text a location covers (lines split like YAML: LF, CRLF, CR). */
function slice(text: string, loc: SourceLocation): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  if (loc.line === loc.endLine) return (lines[loc.line - 1] ?? '').slice(loc.column - 1, loc.endColumn - 1);
  const out = [(lines[loc.line - 1] ?? '').slice(loc.column - 1)];
  for (let l = loc.line + 1; l < loc.endLine; l++) out.push(lines[l - 1] ?? '');
  out.push((lines[loc.endLine - 1] ?? '').slice(0, loc.endColumn - 1));
  return out.join('\n');
}

function locate(text: string, pointer: string, resource = 0, file = 'p.yaml'): { loc: SourceLocation; text: string } {
  const r = loadText(text, file);
  assert.deepEqual(r.errors, []);
  const res = r.resources[resource];
  assert.ok(res, `resource ${resource} exists`);
  const loc = res.source.locate(pointer);
  assert.ok(loc, `located ${pointer}`);
  return { loc, text: slice(text, loc) };
}

const POD = `# a pod
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web, "tier": 'front'}
spec:
  hostNetwork: true
  containers:
    - name: app
      image: "nginx:1.25"
      securityContext:
        privileged: true
      args:
        - --flag
        - |
          multi
          line
      env:
      command: [sh, -c, "echo hi"]
      "quoted key": value
      'single': x
    - name: sidecar
      image: busybox
`;

test('positions: exact value ranges for every scalar style and collection', () => {
  const cases: [pointer: string, expected: string, line: number, column: number][] = [
    ['/spec/hostNetwork', 'true', 8, 16],
    ['/spec/containers/0/securityContext/privileged', 'true', 13, 21],
    ['/spec/containers/0/image', '"nginx:1.25"', 11, 14],
    ['/metadata/labels/app', 'web', 6, 17],
    ['/metadata/labels/tier', "'front'", 6, 30],
    ['/metadata/labels', `{app: web, "tier": 'front'}`, 6, 11],
    ['/spec/containers/0/command', '[sh, -c, "echo hi"]', 20, 16],
    ['/spec/containers/0/command/2', '"echo hi"', 20, 25],
    ['/spec/containers/0/quoted key', 'value', 21, 21],
    ['/spec/containers/0/single', 'x', 22, 17],
    ['/spec/containers/0/args/0', '--flag', 15, 11],
    ['/spec/containers/0/args/1', '|\n          multi\n          line', 16, 11],
    ['/spec/containers/1/name', 'sidecar', 23, 13],
  ];
  for (const [pointer, expected, line, column] of cases) {
    const got = locate(POD, pointer);
    assert.equal(got.text, expected, pointer);
    assert.equal(got.loc.line, line, `${pointer} line`);
    assert.equal(got.loc.column, column, `${pointer} column`);
    assert.equal(got.loc.file, 'p.yaml');
  }
});

test('positions: a missing field resolves to its nearest existing parent', () => {
  const cases: [pointer: string, line: number, column: number][] = [
    // missing securityContext on the sidecar -> the sidecar container
    ['/spec/containers/1/securityContext/privileged', 23, 7],
    // missing key under an existing mapping -> that mapping, from its key
    ['/spec/containers/0/securityContext/runAsUser', 12, 7],
    // index past the end -> the sequence, from its key
    ['/spec/containers/5', 9, 3],
    // missing top-level field -> the document root
    ['/status', 2, 1],
    // a pointer through a scalar -> the scalar's field
    ['/spec/hostNetwork/x', 8, 3],
  ];
  for (const [pointer, line, column] of cases) {
    const { loc } = locate(POD, pointer);
    assert.deepEqual([loc.line, loc.column], [line, column], pointer);
  }
  assert.equal(locate(POD, '/spec/containers/0/securityContext/runAsUser').text, 'securityContext:\n        privileged: true');
  assert.equal(locate(POD, '/spec/hostNetwork/x').text, 'hostNetwork: true');
});

test('positions: a key with an empty (null) value resolves to the key', () => {
  const got = locate(POD, '/spec/containers/0/env');
  assert.equal(got.text, 'env');
  assert.deepEqual([got.loc.line, got.loc.column], [19, 7]);
});

test('positions: multi-document offsets, List items and CRLF', () => {
  const text = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: a}', '---', '# second', 'apiVersion: v1', 'kind: List', 'items:', '- apiVersion: v1', '  kind: Service', '  metadata:', '    name: s1', '- {apiVersion: v1, kind: Secret, metadata: {name: s2}}', ''].join('\r\n');
  const r = loadText(text, 'm.yaml');
  assert.equal(r.resources.length, 3);
  const [cm, svc, sec] = r.resources;
  assert.deepEqual([cm?.source.documentIndex, svc?.source.documentIndex, svc?.source.listIndex, sec?.source.listIndex], [0, 1, 0, 1]);
  const loc1 = svc?.source.locate('/metadata/name');
  assert.ok(loc1);
  assert.deepEqual([loc1.line, loc1.column, loc1.endColumn], [12, 11, 13]);
  assert.equal(slice(text, loc1), 's1');
  const loc2 = sec?.source.locate('/metadata/name');
  assert.ok(loc2);
  assert.equal(slice(text, loc2), 's2');
  assert.equal(loc2.line, 13);
  // a missing field on a List item resolves to that item, not the List
  const loc3 = sec?.source.locate('/spec');
  assert.ok(loc3);
  assert.equal(slice(text, loc3), '{apiVersion: v1, kind: Secret, metadata: {name: s2}}');
});

test('positions: a BOM does not shift columns', () => {
  const text = '\ufeffapiVersion: v1\nkind: Pod\nmetadata: {name: x}\n';
  const { loc } = locate(text, '/apiVersion');
  assert.deepEqual([loc.line, loc.column, loc.endColumn], [1, 13, 15]);
});

test('positions: aliases and merge keys point into the anchored source', () => {
  const text = `apiVersion: v1
kind: Pod
metadata: {name: x}
spec:
  containers:
    - &base
      name: a
      image: nginx
      securityContext: {privileged: true}
    - <<: *base
      name: b
`;
  const r = loadText(text, 'a.yaml');
  assert.deepEqual(r.errors, []);
  const res = r.resources[0];
  assert.ok(res);
  const spec = res.object['spec'] as { containers: { name: string; image: string }[] };
  assert.equal(spec.containers[1]?.image, 'nginx'); // merged
  assert.equal(spec.containers[1]?.name, 'b'); // own key wins
  const own = res.source.locate('/spec/containers/1/name');
  assert.ok(own);
  assert.equal(slice(text, own), 'b');
  const merged = res.source.locate('/spec/containers/1/securityContext/privileged');
  assert.ok(merged);
  assert.deepEqual([merged.line, slice(text, merged)], [9, 'true']);
});

test('positions: JSON documents, including nested arrays and a missing field', () => {
  const text = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "j"},\n  "spec": {\n    "containers": [\n      {"name": "c", "image": "nginx", "securityContext": {"privileged": true}}\n    ]\n  }\n}\n';
  const cases: [string, string, number][] = [
    ['/spec/containers/0/securityContext/privileged', 'true', 7],
    ['/spec/containers/0/image', '"nginx"', 7],
    ['/metadata/name', '"j"', 4],
    ['/spec/containers/0/resources', '{"name": "c", "image": "nginx", "securityContext": {"privileged": true}}', 7],
    ['/spec/containers/0/securityContext/runAsUser', '"securityContext": {"privileged": true}', 7],
  ];
  for (const [pointer, expected, line] of cases) {
    const got = locate(text, pointer, 0, 'pod.json');
    assert.equal(got.text, expected, pointer);
    assert.equal(got.loc.line, line, pointer);
  }
});

test('positions: pointer tokens are unescaped (~1 is "/", ~0 is "~")', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n    example.com/a~b: "1"\n';
  const got = locate(text, '/metadata/annotations/example.com~1a~0b');
  assert.equal(got.text, '"1"');
});
