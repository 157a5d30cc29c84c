import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPaths } from '../index.js';
import type { K8sObject, Resource, ResourceRef } from '../../model/types.js';
import { kubectlPointer } from './pointer.js';
import { SnapshotError, writeSnapshot } from './snapshot.js';
import { LAST_APPLIED } from './sanitize.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rampart-snapshot-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const res = (object: K8sObject): Resource => ({ object, source: { documentIndex: 0, locate: () => undefined } });

describe('writeSnapshot', () => {
  const objects: K8sObject[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 2 } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'shop' }, spec: { replicas: 1 } },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop', annotations: { [LAST_APPLIED]: '{"data":{"p":"c2VjcmV0"}}' } }, data: { p: 'c2VjcmV0' } },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'view' }, rules: [] },
    { apiVersion: 'policy.example.com/v1', kind: 'Policy', metadata: { name: 'p', namespace: 'shop' } },
  ];

  it('writes one file per namespace and resource, and reads back as the same objects without Secret values', async () => {
    const out = join(dir, 'snap');
    const w = await writeSnapshot(out, objects.map(res), { server: 'https://k', context: 'ctx', takenAt: '2026-01-01T00:00:00Z', tool: 'rampart test', gaps: [{ kind: 'secrets', namespace: 'kube-system', reason: 'forbidden' }] });
    assert.deepEqual(w.files, ['_cluster/clusterroles.rbac.authorization.k8s.io.yaml', '_cluster/namespaces.yaml', 'shop/deployments.apps.yaml', 'shop/policy.policy.example.com.yaml', 'shop/secrets.yaml']);
    const info = readFileSync(join(out, 'SNAPSHOT.txt'), 'utf8');
    assert.match(info, /secrets in kube-system: forbidden/);
    assert.match(info, /context: ctx/);
    const all = readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('.yaml'));
    for (const f of all) assert.equal(readFileSync(join(out, f), 'utf8').includes('c2VjcmV0'), false, `${f} holds no secret value`);
    const back = await loadPaths([out]);
    assert.deepEqual(back.errors, []);
    const key = (o: K8sObject) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
    assert.deepEqual(back.resources.map((r) => key(r.object)).sort(), objects.map(key).sort());
    const secret = back.resources.find((r) => r.object.kind === 'Secret')?.object;
    assert.equal(secret?.['data'], undefined);
    assert.deepEqual(secret?.metadata?.annotations, { [LAST_APPLIED]: '{"data":{"p":"REDACTED"}}' }, 'the copy of the data is visible as such, without values');
    const web = back.resources.find((r) => r.object.metadata?.name === 'web')?.object;
    assert.deepEqual(web, objects[1]);
  });

  it('refuses a non-empty output directory', async () => {
    const out = join(dir, 'full');
    mkdirSync(out);
    writeFileSync(join(out, 'x'), '');
    await assert.rejects(writeSnapshot(out, [], { server: 's', takenAt: 't', tool: 't', gaps: [] }), SnapshotError);
  });
});

describe('kubectlPointer', () => {
  const cases: { ref: ResourceRef; context?: string; want: string }[] = [
    { ref: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' }, want: 'kubectl get deployment web -n shop -o yaml' },
    { ref: { apiVersion: 'v1', kind: 'Namespace', name: 'shop' }, want: 'kubectl get namespace shop -o yaml' },
    { ref: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'system:node' }, want: 'kubectl get clusterrole system:node -o yaml' },
    { ref: { apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', name: 'deny' }, want: 'kubectl get adminnetworkpolicy deny -o yaml' },
    { ref: { apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', namespace: 'a', name: 'p' }, want: 'kubectl get ciliumnetworkpolicy.cilium.io p -n a -o yaml' },
    { ref: { apiVersion: 'v1', kind: 'Pod', namespace: 'a', name: "x'; rm -rf /" }, want: "kubectl get pod 'x'\\''; rm -rf /' -n a -o yaml" },
    { ref: { apiVersion: 'v1', kind: 'Pod', namespace: 'a', name: 'p' }, context: 'prod', want: 'kubectl get pod p -n a --context prod -o yaml' },
  ];
  for (const c of cases) {
    it(c.want, () => assert.equal(kubectlPointer(c.ref, c.context !== undefined ? { context: c.context } : {}), c.want));
  }
});
