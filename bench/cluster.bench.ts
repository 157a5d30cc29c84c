/**
 * Cluster reading benchmark: a fake API server over loopback HTTP holding 200 namespaces,
 * 20,000 Pods, 4,000 Deployments, 6,000 ConfigMaps, 2,000 RoleBindings; read with the real
 * HttpTransport, discovery, pagination (500 per page) and the default concurrency.
 *   Target: the whole read < 10 s (a real API server is slower than this fake; this measures
 *   Rampart's own overhead: HTTP, JSON, sanitising, ordering).
 * Run: node --import tsx bench/cluster.bench.ts
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { K8sObject } from '../src/model/types.js';
import { FakeTransport, type FakeResource } from '../src/input/cluster/fake-transport.js';
import { CLUSTER_CATALOG, loadCluster } from '../src/input/cluster/index.js';

const NAMESPACES = 200;
const RESOURCES: FakeResource[] = [
  { groupVersion: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false },
  { groupVersion: 'v1', resource: 'pods', kind: 'Pod', namespaced: true },
  { groupVersion: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true },
  { groupVersion: 'apps/v1', resource: 'deployments', kind: 'Deployment', namespaced: true },
  { groupVersion: 'rbac.authorization.k8s.io/v1', resource: 'rolebindings', kind: 'RoleBinding', namespaced: true },
];

function world(): K8sObject[] {
  const out: K8sObject[] = [];
  let uid = 0;
  const meta = (name: string, namespace?: string) => ({ name, uid: `u-${uid++}`, ...(namespace ? { namespace } : {}), labels: { app: name }, managedFields: [{ manager: 'kubectl', operation: 'Apply' }] });
  const podSpec = { containers: [{ name: 'app', image: 'registry.example/app:1.2.3', ports: [{ containerPort: 8080 }], resources: { limits: { cpu: '1', memory: '1Gi' } } }] };
  for (let n = 0; n < NAMESPACES; n++) {
    const ns = `team-${n}`;
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: meta(ns) });
    for (let i = 0; i < 100; i++) out.push({ apiVersion: 'v1', kind: 'Pod', metadata: meta(`pod-${i}`, ns), spec: podSpec });
    for (let i = 0; i < 20; i++) out.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(`dep-${i}`, ns), spec: { replicas: 2, template: { metadata: { labels: { app: 'x' } }, spec: podSpec } } });
    for (let i = 0; i < 30; i++) out.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`cm-${i}`, ns), data: { 'config.yaml': 'x'.repeat(200) } });
    for (let i = 0; i < 10; i++) out.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta(`rb-${i}`, ns), roleRef: { kind: 'ClusterRole', name: 'view', apiGroup: 'rbac.authorization.k8s.io' }, subjects: [{ kind: 'Group', name: `g-${i}` }] });
  }
  return out;
}

const objects = world();
const fake = new FakeTransport({ resources: RESOURCES, objects });
const server = createServer((req, res) => {
  void fake.request(req.url ?? '/', req.headers.accept ? { accept: req.headers.accept } : {}).then((r) => {
    res.writeHead(r.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(r.body));
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const addr = server.address();
const port = typeof addr === 'object' && addr ? addr.port : 0;
const dir = mkdtempSync(join(tmpdir(), 'rampart-bench-cluster-'));
const kubeconfig = join(dir, 'kubeconfig');
writeFileSync(kubeconfig, `clusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}"}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n`);

const kinds = CLUSTER_CATALOG.filter((e) => RESOURCES.some((r) => r.resource === e.resource));
const rows: [string, number, number][] = [];
for (const concurrency of [1, 4, 8]) {
  const t0 = performance.now();
  const r = await loadCluster({ kubeconfig, env: {}, kinds, concurrency });
  const ms = performance.now() - t0;
  if (r.resources.length !== objects.length || r.gaps.length > 0) throw new Error(`read ${r.resources.length}/${objects.length} objects, ${r.gaps.length} gaps`);
  rows.push([`concurrency ${concurrency}`, ms, Math.round((objects.length / ms) * 1000)]);
}
server.close();
rmSync(dir, { recursive: true, force: true });

console.log(`cluster read: ${objects.length} objects over loopback HTTP, page size 500`);
console.log('case             ms        objects/s');
for (const [name, ms, rate] of rows) console.log(`${name.padEnd(16)} ${ms.toFixed(0).padStart(6)}  ${String(rate).padStart(10)}`);
const best = Math.min(...rows.map((r) => r[1]));
console.log(`target: < 10000 ms -> ${best < 10_000 ? 'met' : 'MISSED'}`);
console.log(`BENCH_JSON ${JSON.stringify({ area: 'cluster', objects: objects.length, ms: Object.fromEntries(rows.map(([n, ms]) => [n.replace(' ', '_'), Math.round(ms)])), objectsPerSecond: Math.max(...rows.map((r) => r[2])), targetMs: 10_000, met: best < 10_000 })}`);
