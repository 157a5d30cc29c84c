/**
 * Reading a real kube-apiserver: kubeconfig variants (token, client certificate, exec plugin,
 * inline data, several contexts), failures (unreachable, untrusted CA, bad token), restricted
 * RBAC (coverage gaps, exactly), namespace scoping, pagination, and the snapshot round trip.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { startApiServer, writeKubeconfig, type ApiServer } from './helpers/apiserver.js';
import {
  CLUSTER_CATALOG,
  ClusterUnauthorizedError,
  ClusterUnreachableError,
  formatGap,
  loadCluster,
  qualifiedResource,
  type ClusterLoadResult,
} from '../../src/input/cluster/index.js';
import { loadPaths } from '../../src/input/index.js';
import { main } from '../../src/interfaces/cli/main.js';
import type { CliIO } from '../../src/interfaces/cli/io.js';
import type { K8sObject } from '../../src/model/types.js';

const SECRET_VALUE = 'czNjcjN0LXZhbHVlLTQy'; // base64 of a marker that must never appear in output
let api: ApiServer;
let deploymentUid = '';

const post = (path: string, body: unknown) => api.admin(path, { method: 'POST', body });
const ns = (name: string, labels: Record<string, string> = {}) => post('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
const key = (o: K8sObject) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
const keys = (r: ClusterLoadResult) => r.resources.map((x) => key(x.object));

function pod(name: string): unknown {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'registry.example/app:1' }] } };
}

before(async () => {
  api = await startApiServer();
  await ns('shop', { 'pod-security.kubernetes.io/enforce': 'baseline' });
  await ns('team-a');
  const dep = (await post('/apis/apps/v1/namespaces/shop/deployments', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'registry.example/web:1' }] } } },
  })) as K8sObject;
  deploymentUid = String(dep.metadata?.['uid']);
  // No controller-manager runs here, so create the ReplicaSet a Deployment would own.
  await post('/apis/apps/v1/namespaces/shop/replicasets', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: deploymentUid, controller: true }] },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'registry.example/web:1' }] } } },
  });
  await post('/api/v1/namespaces/shop/secrets', {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ data: { password: SECRET_VALUE } }), team: 'payments' } },
    type: 'Opaque',
    data: { password: SECRET_VALUE },
  });
  await post('/api/v1/namespaces/team-a/pods', pod('tool'));
  await post('/api/v1/namespaces/team-a/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: 'b' } });
  // `restricted` (token) and `cert-user` (certificate) may list pods and configmaps in team-a only;
  // `cert-user` may also list namespaces.
  await post('/apis/rbac.authorization.k8s.io/v1/namespaces/team-a/roles', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'reader' },
    rules: [{ apiGroups: [''], resources: ['pods', 'configmaps'], verbs: ['list'] }],
  });
  await post('/apis/rbac.authorization.k8s.io/v1/namespaces/team-a/rolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'reader' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
    subjects: [{ kind: 'User', name: 'restricted', apiGroup: 'rbac.authorization.k8s.io' }, { kind: 'User', name: 'cert-user', apiGroup: 'rbac.authorization.k8s.io' }],
  });
  await post('/apis/rbac.authorization.k8s.io/v1/clusterroles', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'namespace-lister' },
    rules: [{ apiGroups: [''], resources: ['namespaces'], verbs: ['list'] }],
  });
  await post('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'namespace-lister' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'namespace-lister' },
    subjects: [{ kind: 'User', name: 'cert-user', apiGroup: 'rbac.authorization.k8s.io' }],
  });
}, { timeout: 180_000 });

after(async () => {
  await api?.stop();
});

describe('kubeconfig handling against a real API server', () => {
  it('token context: reads the seeded objects with no gaps; Secrets are skipped by default', async () => {
    const r = await loadCluster({ kubeconfig: api.kubeconfig, env: {} });
    assert.deepEqual(r.gaps, []);
    assert.equal(r.context, 'admin');
    const k = keys(r);
    for (const want of ['Namespace//shop', 'Namespace//team-a', 'Namespace//kube-system', 'Deployment/shop/web', 'Pod/team-a/tool', 'ConfigMap/team-a/cfg', 'Role/team-a/reader', 'ClusterRole//cluster-admin', 'ClusterRoleBinding//namespace-lister']) {
      assert.ok(k.includes(want), `${want} read`);
    }
    assert.equal(k.some((x) => x.startsWith('Secret/')), false);
    assert.equal(k.includes('ReplicaSet/shop/web-1'), false, 'the Deployment-owned ReplicaSet is folded into its owner');
    const shop = r.resources.find((x) => key(x.object) === 'Namespace//shop')?.object;
    assert.equal(shop?.metadata?.labels?.['pod-security.kubernetes.io/enforce'], 'baseline');
    const dep = r.resources.find((x) => key(x.object) === 'Deployment/shop/web');
    assert.equal(dep?.object.apiVersion, 'apps/v1');
    assert.equal(dep?.source.file, undefined);
    assert.equal(dep?.source.locate('/spec'), undefined);
    assert.equal(JSON.stringify(r.resources).includes('managedFields'), false);
  });

  it('includeOwned keeps the ReplicaSet', async () => {
    const r = await loadCluster({ kubeconfig: api.kubeconfig, env: {}, includeOwned: true });
    assert.ok(keys(r).includes('ReplicaSet/shop/web-1'));
  });

  it('Secrets: metadata mode never carries values; values mode does', async () => {
    const meta = await loadCluster({ kubeconfig: api.kubeconfig, env: {}, secrets: 'metadata', namespaces: ['shop'] });
    const s = meta.resources.find((x) => key(x.object) === 'Secret/shop/db')?.object;
    assert.ok(s, 'secret listed');
    assert.deepEqual(s.metadata?.annotations, { team: 'payments', 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"password":"REDACTED"}}' });
    assert.equal(JSON.stringify(meta.resources).includes(SECRET_VALUE), false);
    const full = await loadCluster({ kubeconfig: api.kubeconfig, env: {}, secrets: 'values', namespaces: ['shop'] });
    const v = full.resources.find((x) => key(x.object) === 'Secret/shop/db')?.object;
    assert.deepEqual(v?.['data'], { password: SECRET_VALUE });
    assert.equal(v?.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'] !== undefined, true);
  });

  it('client-certificate context (files) reads the same as the token context', async () => {
    const [a, c] = await Promise.all([loadCluster({ kubeconfig: api.kubeconfig, env: {} }), loadCluster({ kubeconfig: api.kubeconfig, context: 'cert-admin', env: {} })]);
    assert.deepEqual(c.gaps, []);
    assert.deepEqual(keys(c), keys(a));
  });

  it('inline certificate-authority-data and client-certificate-data/key-data', async () => {
    const f = join(api.dir, 'inline.yaml');
    const b64 = (p: string) => readFileSync(p).toString('base64');
    writeKubeconfig(f, {
      server: api.server,
      caData: api.caData,
      contexts: [{ name: 'inline', user: { 'client-certificate-data': b64(api.certs['cert-admin'].cert), 'client-key-data': b64(api.certs['cert-admin'].key) } }],
    });
    const r = await loadCluster({ kubeconfig: f, env: {}, namespaces: ['shop'] });
    assert.deepEqual(r.gaps, []);
    assert.ok(keys(r).includes('Deployment/shop/web'));
  });

  it('exec credential plugin', async () => {
    const plugin = join(api.dir, 'plugin.mjs');
    writeFileSync(plugin, `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: process.env.T } }));`);
    const f = join(api.dir, 'exec.yaml');
    writeKubeconfig(f, { server: api.server, caFile: api.caFile, contexts: [{ name: 'exec', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: [plugin], env: [{ name: 'T', value: api.adminToken }] } } }] });
    const r = await loadCluster({ kubeconfig: f, env: {}, namespaces: ['team-a'] });
    assert.deepEqual(r.gaps, []);
    assert.ok(keys(r).includes('Pod/team-a/tool'));
  });

  it('several contexts across KUBECONFIG files: --context selects, current-context of the first file is the default', async () => {
    const second = join(api.dir, 'second.yaml');
    writeKubeconfig(second, { server: api.server, caFile: api.caFile, contexts: [{ name: 'other', user: { token: api.restrictedToken }, namespace: 'team-a' }] });
    const env = { KUBECONFIG: `${api.kubeconfig}:${second}` };
    assert.equal((await loadCluster({ env, namespaces: ['team-a'] })).context, 'admin');
    const other = await loadCluster({ env, context: 'other', namespaces: ['team-a'], kinds: CLUSTER_CATALOG.filter((e) => e.resource === 'pods') });
    assert.equal(other.context, 'other');
    assert.deepEqual(other.gaps, []);
    assert.deepEqual(keys(other), ['Pod/team-a/tool']);
  });
});

describe('failures are named errors, not crashes', () => {
  it('a rejected token is ClusterUnauthorizedError', async () => {
    const f = join(api.dir, 'badtoken.yaml');
    writeKubeconfig(f, { server: api.server, caFile: api.caFile, contexts: [{ name: 'bad', user: { token: 'not-a-token' } }] });
    await assert.rejects(loadCluster({ kubeconfig: f, env: {} }), (e: unknown) => e instanceof ClusterUnauthorizedError && e.code === 'unauthorized');
  });

  it('an untrusted server certificate is ClusterUnreachableError (TLS); insecure-skip-tls-verify connects', async () => {
    const f = join(api.dir, 'noca.yaml');
    writeKubeconfig(f, { server: api.server, contexts: [{ name: 'noca', user: { token: api.adminToken } }] });
    await assert.rejects(loadCluster({ kubeconfig: f, env: {} }), (e: unknown) => e instanceof ClusterUnreachableError && /TLS|certificate/.test(e.message));
    const g = join(api.dir, 'insecure.yaml');
    writeFileSync(g, readFileSync(f, 'utf8').replace(`server: ${api.server}`, `server: ${api.server}\n      insecure-skip-tls-verify: true`));
    const r = await loadCluster({ kubeconfig: g, env: {}, namespaces: ['shop'] });
    assert.ok(keys(r).includes('Deployment/shop/web'));
  });
});

describe('restricted RBAC: exactly the coverage gaps', () => {
  it('a user who may list namespaces, and pods/configmaps in team-a only', async () => {
    const r = await loadCluster({ kubeconfig: api.kubeconfig, context: 'cert-user', env: {} });
    const namespaces = r.resources.filter((x) => x.object.kind === 'Namespace').map((x) => x.object.metadata?.name ?? '').sort();
    assert.deepEqual(namespaces, ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'shop', 'team-a']);
    assert.deepEqual(keys(r).filter((k) => !k.startsWith('Namespace/')), ['Pod/team-a/tool', 'ConfigMap/team-a/cfg']);
    // Every other kind is a gap: cluster-scoped ones once, namespaced ones per namespace (pods and
    // configmaps in team-a excepted). AdminNetworkPolicy CRDs are absent: optional, no gap.
    const expected: string[] = [];
    const served = CLUSTER_CATALOG.filter((e) => !e.sensitive && e.resource !== 'namespaces' && !e.group.startsWith('policy.networking'));
    const clusterScoped = new Set(['clusterroles', 'clusterrolebindings', 'validatingwebhookconfigurations', 'mutatingwebhookconfigurations', 'validatingadmissionpolicies', 'validatingadmissionpolicybindings']);
    for (const e of served) {
      if (clusterScoped.has(e.resource)) expected.push(`could not list ${qualifiedResource(e)}: forbidden`);
      else for (const n of namespaces) if (!(n === 'team-a' && (e.resource === 'pods' || e.resource === 'configmaps'))) expected.push(`could not list ${qualifiedResource(e)} in ${n}: forbidden`);
    }
    assert.deepEqual(r.gaps.map(formatGap).sort(), expected.sort());
    assert.ok(r.gaps.map(formatGap).includes('could not list pods in kube-system: forbidden'));
  });

  it('a user who may not list namespaces: says so, and reads the context namespace', async () => {
    const f = join(api.dir, 'restricted-ns.yaml');
    writeKubeconfig(f, { server: api.server, caFile: api.caFile, contexts: [{ name: 'r', user: { token: api.restrictedToken }, namespace: 'team-a' }] });
    const r = await loadCluster({ kubeconfig: f, env: {}, kinds: CLUSTER_CATALOG.filter((e) => ['namespaces', 'pods', 'services'].includes(e.resource)) });
    assert.deepEqual(keys(r), ['Pod/team-a/tool']);
    assert.deepEqual(r.gaps.map(formatGap), [
      'could not list namespaces: forbidden',
      'could not list pods: forbidden; namespaces could not be listed, only team-a was tried',
      'could not list services: forbidden; namespaces could not be listed, only team-a was tried',
      'could not list services in team-a: forbidden',
    ]);
  });
});

describe('scoping and pagination', () => {
  it('--namespace and --exclude-namespaces', async () => {
    const only = await loadCluster({ kubeconfig: api.kubeconfig, env: {}, namespaces: ['team-a'] });
    assert.deepEqual(keys(only).filter((k) => !/^(Cluster|ValidatingW|MutatingW|ValidatingA)/.test(k)), ['Namespace//team-a', 'Pod/team-a/tool', 'ConfigMap/team-a/cfg', 'Role/team-a/reader', 'RoleBinding/team-a/reader']);
    const excl = await loadCluster({ kubeconfig: api.kubeconfig, env: {}, excludeNamespaces: ['team-a', 'kube-system'] });
    assert.equal(keys(excl).some((k) => k.includes('team-a') || k.includes('kube-system')), false);
    assert.ok(keys(excl).includes('Deployment/shop/web'));
  });

  it('page size 1 reads exactly what one big page reads', async () => {
    const [small, big] = await Promise.all([loadCluster({ kubeconfig: api.kubeconfig, env: {}, pageSize: 1 }), loadCluster({ kubeconfig: api.kubeconfig, env: {} })]);
    assert.ok(big.resources.length > 50, 'bootstrap RBAC alone has dozens of objects');
    assert.deepEqual(keys(small), keys(big));
  });
});

describe('rampart snapshot --cluster', () => {
  it('round-trips: the snapshot loads back as what the cluster read, without Secret values', async () => {
    const out = join(api.dir, 'snap');
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let o = '';
    stdout.on('data', (c: Buffer) => (o += c.toString()));
    stderr.resume();
    const io: CliIO = { stdout, stderr, readStdin: async () => '', cwd: process.cwd(), env: {} };
    const code = await main(['snapshot', '--cluster', '--kubeconfig', api.kubeconfig, '-o', out, '--include-secrets', '--exclude-namespaces', 'kube-system'], io);
    assert.equal(code, 0);
    const live = await loadCluster({ kubeconfig: api.kubeconfig, env: {}, secrets: 'metadata', excludeNamespaces: ['kube-system'] });
    assert.match(o, new RegExp(`wrote ${live.resources.length} objects`));
    for (const f of readdirSync(out, { recursive: true }).map(String)) {
      if (f.endsWith('.yaml')) assert.equal(readFileSync(join(out, f), 'utf8').includes(SECRET_VALUE), false, f);
    }
    const back = await loadPaths([out]);
    assert.deepEqual(back.errors, []);
    const norm = (os: K8sObject[]) => os.map((x) => JSON.stringify(x)).sort();
    assert.deepEqual(norm(back.resources.map((x) => x.object)), norm(live.resources.map((x) => x.object)));
    assert.ok(back.resources.some((x) => key(x.object) === 'Secret/shop/db'));
  });
});
