import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPaths } from './index.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-render-'));
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

/** Canned `helm template` output, as helm prints it (Source comments, a hook, an empty doc). */
const RENDERED = `---
# Source: web/templates/serviceaccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: release-name-web
---
# Source: web/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: release-name-web
spec:
  template:
    spec:
      containers:
        - name: web
          image: "nginx:latest"
          securityContext:
            privileged: true
---
# Source: web/charts/redis/templates/statefulset.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: release-name-redis
---
# Source: web/templates/broken.yaml
kind: [oops
`;

/** A stand-in `helm` that records its arguments and prints canned output. */
function fakeHelm(binDir: string, argsFile: string): string {
  const helm = join(binDir, 'helm');
  writeFileSync(join(binDir, 'rendered.yaml'), RENDERED);
  writeFileSync(helm, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\ncat '${join(binDir, 'rendered.yaml')}'\n`);
  chmodSync(helm, 0o755);
  return helm;
}

test('helm: a chart directory is rendered and findings map back to template files', async (t) => {
  const dir = tree({ 'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n', 'charts/web/templates/deployment.yaml': '{{ .Values.x }}\n', 'plain.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n' });
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const argsFile = join(dir, 'args.txt');
  const helm = fakeHelm(bin, argsFile);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // PATH lookup (stand-in first on PATH) and explicit binary both work
  const savedPath = process.env['PATH'];
  process.env['PATH'] = `${bin}:${savedPath ?? ''}`;
  let r;
  try {
    r = await loadPaths(['charts/web', 'plain.yaml'], { cwd: dir, helmValues: ['prod.yaml'], helmSet: ['image.tag=1.2'] });
  } finally {
    process.env['PATH'] = savedPath;
  }
  const { readFileSync } = await import('node:fs');
  assert.deepEqual(readFileSync(argsFile, 'utf8').trim().split('\n'), ['template', 'charts/web', '--values', 'prod.yaml', '--set', 'image.tag=1.2']);
  assert.deepEqual(
    r.resources.map((x) => [x.object.kind, x.source.file, x.source.template]),
    [
      ['ServiceAccount', 'charts/web/templates/serviceaccount.yaml', 'charts/web/templates/serviceaccount.yaml'],
      ['Deployment', 'charts/web/templates/deployment.yaml', 'charts/web/templates/deployment.yaml'],
      ['StatefulSet', 'charts/web/charts/redis/templates/statefulset.yaml', 'charts/web/charts/redis/templates/statefulset.yaml'],
      ['Namespace', 'plain.yaml', undefined],
    ],
  );
  // Lines count from the line after `# Source:` (line 1 = first rendered line of the template).
  const dep = r.resources[1];
  const loc = dep?.source.locate('/spec/template/spec/containers/0/securityContext/privileged');
  assert.deepEqual(loc, { file: 'charts/web/templates/deployment.yaml', line: 12, column: 25, endLine: 12, endColumn: 29 });
  assert.equal(dep?.source.locate('/kind')?.line, 2);
  // A broken rendered document is an error against its template; the chart is accounted for.
  assert.deepEqual(
    r.errors.map((e) => [e.file, e.line, e.code]),
    [['charts/web/templates/broken.yaml', 2, 'yaml-syntax']],
  );
  assert.deepEqual(
    r.files.map((f) => [f.file, f.status, f.documents, f.resources, f.failedDocuments]),
    [
      ['charts/web', 'scanned', 4, 3, 1],
      ['plain.yaml', 'scanned', 1, 1, 0],
    ],
  );
  // explicit binary (what RAMPART_HELM sets) without PATH
  const r2 = await loadPaths(['charts/web'], { cwd: dir, helmBinary: helm });
  assert.equal(r2.resources.length, 3);
});

test('helm: RAMPART_HELM selects the binary', async (t) => {
  const dir = tree({ 'c/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n' });
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const helm = fakeHelm(bin, join(dir, 'args.txt'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  process.env['RAMPART_HELM'] = helm;
  try {
    const r = await loadPaths(['c'], { cwd: dir });
    assert.equal(r.resources[0]?.source.file, 'c/templates/serviceaccount.yaml');
  } finally {
    delete process.env['RAMPART_HELM'];
  }
});

test('helm: a missing helm binary says what to install and the rest is still scanned', async (t) => {
  const dir = tree({ 'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n', 'ok.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n' });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const r = await loadPaths(['.'], { cwd: dir, helmBinary: join(dir, 'no-such-helm') });
  assert.deepEqual(
    r.errors.map((e) => [e.file, e.code, e.message]),
    [['chart', 'helm-missing', 'helm is not installed: install it (https://helm.sh/docs/intro/install/) to scan chart chart']],
  );
  assert.deepEqual(
    r.resources.map((x) => x.object.metadata?.name),
    ['ns'],
  );
  assert.deepEqual(
    r.files.map((f) => [f.file, f.status]),
    [
      ['chart', 'failed'],
      ['ok.yaml', 'scanned'],
    ],
  );
});

test('helm: a failing render is a helm-failed error with helm\'s message', async (t) => {
  const dir = tree({ 'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n' });
  const helm = join(dir, 'helm');
  writeFileSync(helm, '#!/bin/sh\necho "Error: template: c/templates/x.yaml:3: function \\"nope\\" not defined" >&2\nexit 1\n');
  chmodSync(helm, 0o755);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const r = await loadPaths(['chart'], { cwd: dir, helmBinary: helm });
  assert.equal(r.errors[0]?.code, 'helm-failed');
  assert.match(r.errors[0]?.message ?? '', /helm template failed for chart: Error: template: .*not defined/);
});

const KUBECTL = '/usr/bin/kubectl';

test('kustomize: a kustomization is built with kubectl kustomize when kustomize is absent', { skip: !existsSync(KUBECTL) && 'kubectl not installed' }, async (t) => {
  const dir = tree({
    'overlay/kustomization.yaml': 'namespace: prod\nnamePrefix: prod-\nresources:\n  - deploy.yaml\n',
    'overlay/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers:\n        - name: api\n          image: api:1\n          securityContext:\n            privileged: true\n',
  });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const r = await loadPaths(['overlay'], { cwd: dir, kustomizeBinary: join(dir, 'no-kustomize'), kubectlBinary: KUBECTL });
  assert.deepEqual(r.errors, []);
  assert.equal(r.resources.length, 1);
  const d = r.resources[0];
  assert.equal(d?.object.metadata?.name, 'prod-api');
  assert.equal(d?.object.metadata?.namespace, 'prod');
  assert.equal(d?.source.file, 'overlay');
  const loc = d?.source.locate('/spec/template/spec/containers/0/securityContext/privileged');
  assert.ok(loc && loc.line > 1, 'located in the built output');
  assert.deepEqual(
    r.files.map((f) => [f.file, f.status, f.documents]),
    [['overlay', 'scanned', 1]],
  );
});

test('kustomize: neither kustomize nor kubectl -> kustomize-missing, the rest still scanned', async (t) => {
  const dir = tree({ 'k/kustomization.yml': 'resources: []\n', 'x.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n' });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const r = await loadPaths(['.'], { cwd: dir, kustomizeBinary: join(dir, 'nope1'), kubectlBinary: join(dir, 'nope2') });
  assert.deepEqual(
    r.errors.map((e) => [e.file, e.code]),
    [['k', 'kustomize-missing']],
  );
  assert.match(r.errors[0]?.message ?? '', /kustomize is not installed: install kustomize .* or kubectl to build k/);
  assert.equal(r.resources.length, 1);
});
