import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rampart } from './harness.js';

const PRIVILEGED = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: team
spec:
  containers:
  - name: c
    image: nginx:1.27
    securityContext:
      privileged: true
`;

function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function jsonOf(stdout: string): { findings: { control: string; location?: { file: string; line: number }; suppressed?: { kind: string } ; fingerprint: string}[]; errors: { file: string; line: number; message: string }[]; summary: Record<string, unknown> } {
  return JSON.parse(stdout);
}

test('exit 1 and exact location for a critical finding; relative paths stay relative', async () => {
  const dir = workdir({ 'app/pod.yaml': PRIVILEGED });
  const r = await rampart(['scan', 'app', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const f = jsonOf(r.stdout).findings.find((x) => x.control === 'privileged-container');
  assert.ok(f);
  assert.deepEqual([f.location?.file, f.location?.line], [join('app', 'pod.yaml'), 11]);
});

test('--fail-on critical with only lower findings exits 0; usage errors exit 2', async () => {
  const dir = workdir({ 'pod.yaml': PRIVILEGED.replace('privileged: true', 'privileged: false') });
  const ok = await rampart(['scan', 'pod.yaml', '--fail-on', 'critical', '--format', 'json'], { cwd: dir });
  assert.equal(ok.code, 0, ok.stdout);
  assert.equal((await rampart(['scan', 'pod.yaml', '--fail-on', 'severe'], { cwd: dir })).code, 2);
  assert.equal((await rampart(['scan'], { cwd: dir })).code, 2);
  assert.equal((await rampart(['scan', 'pod.yaml', '--format', 'xml'], { cwd: dir })).code, 2);
  assert.equal((await rampart(['scan', 'missing.yaml'], { cwd: dir })).code, 2, 'nothing could be read');
});

test('stdin is scanned as <stdin>', async () => {
  const r = await rampart(['scan', '-', '--format', 'json'], { stdin: PRIVILEGED });
  const f = jsonOf(r.stdout).findings.find((x) => x.control === 'privileged-container');
  assert.equal(f?.location?.file, '<stdin>');
});

test('a malformed document is an input error (exit 1) and the other documents are still scanned', async () => {
  const dir = workdir({ 'mixed.yaml': `${PRIVILEGED}---\nkind: [broken\n---\n${PRIVILEGED.replace('name: p', 'name: q')}` });
  const r = await rampart(['scan', 'mixed.yaml', '--format', 'json', '--fail-on', 'critical'], { cwd: dir });
  assert.equal(r.code, 1);
  const report = jsonOf(r.stdout);
  assert.equal(report.errors.length, 1);
  assert.equal(report.errors[0]?.file, 'mixed.yaml');
  assert.ok(report.errors[0]!.line >= 13);
  assert.equal(report.findings.filter((x) => x.control === 'privileged-container').length, 2);
});

test('annotation suppression is counted, not lost; a suppression without reason is an error', async () => {
  const suppressed = PRIVILEGED.replace('namespace: team', 'namespace: team\n  annotations:\n    rampart.dev/ignore: "privileged-container: node agent, reviewed SEC-12"');
  const dir = workdir({ 'pod.yaml': suppressed, 'bad.yaml': suppressed.replace(': node agent, reviewed SEC-12', '').replace('name: p', 'name: b') });
  const r = await rampart(['scan', 'pod.yaml', '--format', 'json', '--fail-on', 'critical'], { cwd: dir });
  const report = jsonOf(r.stdout);
  const f = report.findings.find((x) => x.control === 'privileged-container');
  assert.equal(f?.suppressed?.kind, 'annotation');
  assert.equal((report.summary['suppressed'] as { total: number }).total >= 1, true);
  assert.equal(r.code, 0);
  const bad = await rampart(['scan', 'bad.yaml', '--format', 'json', '--fail-on', 'critical'], { cwd: dir });
  assert.equal(bad.code, 1);
  assert.match(jsonOf(bad.stdout).errors[0]!.message, /rampart\.dev\/ignore/);
});

test('exceptions: matching suppresses, expired does not and is reported, unused is reported', async () => {
  const config = `exceptions:
  - control: privileged-container
    namespace: team
    name: "p*"
    reason: vendor agent
  - control: privileged-container
    name: other
    reason: never matches
  - control: privileged-container
    name: q
    reason: expired
    expires: 2020-01-01
`;
  const dir = workdir({ 'rampart.yaml': config, 'pod.yaml': `${PRIVILEGED}---\n${PRIVILEGED.replace('name: p', 'name: q')}` });
  const r = await rampart(['scan', 'pod.yaml', '--format', 'json', '--fail-on', 'critical'], { cwd: dir });
  const report = jsonOf(r.stdout);
  const byName = (n: string) => report.findings.find((x) => x.control === 'privileged-container' && (x as unknown as { resource: { name: string } }).resource.name === n);
  assert.equal(byName('p')?.suppressed?.kind, 'exception');
  assert.equal(byName('q')?.suppressed, undefined);
  const s = report.summary as { unusedExceptions: unknown[]; expiredExceptions: unknown[] };
  assert.equal(s.unusedExceptions.length, 1);
  assert.equal(s.expiredExceptions.length, 1);
  assert.equal(r.code, 1, 'q is not suppressed');
});

test('an invalid config names its line and exits 2', async () => {
  const dir = workdir({ 'rampart.yaml': 'failOn: high\ncontrols:\n  no-such-control: off\n', 'pod.yaml': PRIVILEGED });
  const r = await rampart(['scan', 'pod.yaml'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /rampart\.yaml:3:3: unknown control "no-such-control"/);
});

test('baseline: only findings with new fingerprints fail the run, and fingerprints survive line moves', async () => {
  const dir = workdir({ 'pod.yaml': PRIVILEGED });
  const first = await rampart(['scan', 'pod.yaml', '--format', 'json', '--output', 'base.json'], { cwd: dir });
  assert.equal(first.code, 1);
  writeFileSync(join(dir, 'pod.yaml'), `# a comment moves every line\n\n${PRIVILEGED}`);
  const again = await rampart(['scan', 'pod.yaml', '--baseline', 'base.json', '--format', 'json', '--fail-on', 'info'], { cwd: dir });
  const report = jsonOf(again.stdout);
  assert.ok(report.findings.length > 0);
  assert.ok(report.findings.every((f) => f.suppressed?.kind === 'baseline'), 'all known');
  assert.equal(again.code, 0);
  writeFileSync(join(dir, 'pod.yaml'), `${PRIVILEGED}---\n${PRIVILEGED.replace('name: p', 'name: new')}`);
  const worse = await rampart(['scan', 'pod.yaml', '--baseline', 'base.json', '--format', 'json'], { cwd: dir });
  assert.equal(worse.code, 1);
  const fresh = jsonOf(worse.stdout).findings.filter((f) => !f.suppressed);
  assert.ok(fresh.length > 0 && fresh.every((f) => (f as unknown as { resource: { name: string } }).resource.name === 'new'));
});

test('several formats in one run, each to its own file', async () => {
  const dir = workdir({ 'pod.yaml': PRIVILEGED });
  const r = await rampart(['scan', 'pod.yaml', '-f', 'json', '-o', 'out/r.json', '-f', 'sarif', '-o', 'out/r.sarif', '-f', 'stylish'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.ok(JSON.parse(readFileSync(join(dir, 'out/r.json'), 'utf8')).findings.length > 0);
  assert.equal(JSON.parse(readFileSync(join(dir, 'out/r.sarif'), 'utf8')).version, '2.1.0');
  assert.match(r.stdout, /pod\.yaml:11:\d+/);
});

test('controls list and explain', async () => {
  const list = await rampart(['controls', 'list', '--format', 'json']);
  assert.equal(list.code, 0);
  const ids = (JSON.parse(list.stdout) as { controls: { id: string }[] }).controls.map((c) => c.id);
  assert.ok(ids.includes('privileged-container'));
  const explain = await rampart(['controls', 'explain', 'privileged-container']);
  assert.match(explain.stdout, /CIS Kubernetes Benchmark v1\.12: `5\.2\.2`/);
  assert.equal((await rampart(['controls', 'explain', 'nope'])).code, 2);
});

test('config: a severity override and a disabled control change the outcome', async () => {
  const dir = workdir({ 'rampart.yaml': 'controls:\n  privileged-container: low\n', 'pod.yaml': PRIVILEGED });
  const r = await rampart(['scan', 'pod.yaml', '--format', 'json', '--fail-on', 'critical'], { cwd: dir });
  const f = jsonOf(r.stdout).findings.find((x) => x.control === 'privileged-container') as unknown as { severity: string };
  assert.equal(f.severity, 'low');
  writeFileSync(join(dir, 'rampart.yaml'), 'controls:\n  privileged-container: off\n');
  const off = await rampart(['scan', 'pod.yaml', '--format', 'json'], { cwd: dir });
  assert.ok(!jsonOf(off.stdout).findings.some((x) => x.control === 'privileged-container'));
  writeFileSync(join(dir, 'rampart.yaml'), 'controls:\n  privileged-container:\n    params:\n      nope: 1\n');
  const bad = await rampart(['scan', 'pod.yaml'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /rampart\.yaml:4:7: control "privileged-container" has no parameter "nope"/);
});
