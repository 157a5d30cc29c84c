/**
 * In-process tests of `rampart rbac` (the command lives in src/interfaces/cli/commands/rbac.ts; the
 * test sits here because the RBAC owner owns this directory).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../../src/interfaces/cli/io.js';
import { main } from '../../../src/interfaces/cli/main.js';

function io(): { io: CliIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d: Buffer) => (o += d.toString()));
  stderr.on('data', (d: Buffer) => (e += d.toString()));
  return { io: { stdout, stderr, cwd: process.cwd(), env: {}, readStdin: async () => '' }, out: () => o, err: () => e };
}

const dir = mkdtempSync(join(tmpdir(), 'rampart-rbac-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'rbac.yaml');
writeFileSync(
  file,
  `apiVersion: v1
kind: Namespace
metadata: {name: kube-system, labels: {pod-security.kubernetes.io/enforce: baseline}}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ops-bot, namespace: kube-system}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: cluster-admin}
rules:
- {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ops-bot-admin}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
- {kind: ServiceAccount, name: ops-bot, namespace: kube-system}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: deploy, namespace: kube-system}
rules:
- {apiGroups: ["apps"], resources: ["deployments"], verbs: ["create"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-deployer, namespace: kube-system}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deploy}
subjects:
- {kind: ServiceAccount, name: deployer, namespace: ci}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: dangling, namespace: ci}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: missing}
subjects:
- {kind: User, name: alice}
`,
);
const groupsFile = join(dir, 'groups.yaml');
writeFileSync(groupsFile, 'alice: [admins]\n');

test('who-can --format json has the documented shape', async () => {
  const t = io();
  const code = await main(['rbac', 'who-can', 'create', 'deployments.apps', '-n', 'kube-system', file, '--format', 'json'], t.io);
  assert.equal(code, 0);
  const data = JSON.parse(t.out()) as { subjects: { subject: string; via: { binding: string; role: string }[] }[] };
  assert.deepEqual(Object.keys(data), ['subjects']);
  assert.deepEqual(data.subjects.map((s) => s.subject), ['Group:system:masters', 'ServiceAccount:ci:deployer', 'ServiceAccount:kube-system:ops-bot']);
  assert.deepEqual(data.subjects[1]?.via, [{ binding: 'RoleBinding/kube-system/ci-deployer', role: 'Role/kube-system/deploy' }]);
  assert.match(t.err(), /RoleBinding\/ci\/dangling: references ClusterRole\/missing/);
});

test('who-can respects the api group and namespace', async () => {
  const t = io();
  await main(['rbac', 'who-can', 'create', 'deployments', '-n', 'kube-system', file, '-f', 'json'], t.io);
  const subjects = (JSON.parse(t.out()) as { subjects: { subject: string }[] }).subjects.map((s) => s.subject);
  assert.ok(!subjects.includes('ServiceAccount:ci:deployer')); // core group, not apps
});

test('can-i exits 0 when allowed and 1 when denied', async () => {
  const yes = io();
  assert.equal(await main(['rbac', 'can-i', 'ServiceAccount:ci:deployer', 'create', 'deployments', '--api-group', 'apps', '-n', 'kube-system', file, '-f', 'json'], yes.io), 0);
  assert.equal((JSON.parse(yes.out()) as { allowed: boolean }).allowed, true);
  const no = io();
  assert.equal(await main(['rbac', 'can-i', 'ServiceAccount:ci:deployer', 'create', 'deployments', '--api-group', 'apps', '-n', 'ci', file], no.io), 1);
  assert.match(no.out(), /^no: ServiceAccount:ci:deployer/);
});

test('permissions and --diff-with', async () => {
  const t = io();
  await main(['rbac', 'permissions', 'ServiceAccount:kube-system:ops-bot', file, '-f', 'json'], t.io);
  const p = JSON.parse(t.out()) as { subject: string; namespaces: { namespace: string; rules: { binding: string }[] }[] };
  assert.equal(p.subject, 'ServiceAccount:kube-system:ops-bot');
  assert.deepEqual(p.namespaces.map((n) => n.namespace), ['*']);
  const d = io();
  await main(['rbac', 'permissions', 'ServiceAccount:ci:deployer', file, '--diff-with', 'ServiceAccount:kube-system:ops-bot', '-f', 'json'], d.io);
  const diff = JSON.parse(d.out()) as { onlyA: unknown[]; onlyB: { verb: string; resource: string }[] };
  assert.equal(diff.onlyA.length, 0); // cluster-admin covers create deployments
  assert.deepEqual(diff.onlyB.map((a) => `${a.verb} ${a.resource}`), ['* *']);
});

test('escalations: json, tree, dot and mermaid', async () => {
  const j = io();
  await main(['rbac', 'escalations', file, '-f', 'json', '--from', 'ServiceAccount:ci:deployer', '--impact', 'cluster-admin'], j.io);
  const { paths } = JSON.parse(j.out()) as { paths: { from: string; impact: string; steps: { becomes: string; grantedBy: { binding: string } }[]; remediation: { binding: string } }[] };
  assert.equal(paths.length, 1);
  assert.deepEqual(paths[0]?.steps.map((s) => s.becomes), ['ServiceAccount:kube-system:ops-bot', 'cluster-admin']);
  assert.equal(paths[0]?.remediation.binding, 'RoleBinding/kube-system/ci-deployer');
  const tree = io();
  await main(['rbac', 'escalations', file], tree.io);
  assert.match(tree.out(), /ServiceAccount:ci:deployer can become cluster-admin in 2 steps \[critical\]/);
  const dot = io();
  await main(['rbac', 'escalations', file, '-f', 'dot'], dot.io);
  assert.match(dot.out(), /^digraph rbac_escalations \{/);
  assert.match(dot.out(), /"ServiceAccount:ci:deployer" -> "ServiceAccount:kube-system:ops-bot"/);
  const mm = io();
  await main(['rbac', 'escalations', file, '-f', 'mermaid'], mm.io);
  assert.match(mm.out(), /^flowchart LR/);
});

test('groups file gives users their groups; usage errors exit 2', async () => {
  const t = io();
  await main(['rbac', 'permissions', 'User:alice', file, '--groups-file', groupsFile, '-f', 'json'], t.io);
  assert.deepEqual((JSON.parse(t.out()) as { user: { groups: string[] } }).user.groups, ['admins', 'system:authenticated']);
  for (const argv of [
    ['rbac', 'can-i', 'alice', 'get', 'pods', file],
    ['rbac', 'who-can', 'get'],
    ['rbac', 'escalations', file, '-f', 'xml'],
    ['rbac', 'bogus'],
    ['rbac', 'who-can', 'get', 'pods'],
  ]) {
    const e = io();
    assert.equal(await main(argv, e.io), 2, argv.join(' '));
  }
});
