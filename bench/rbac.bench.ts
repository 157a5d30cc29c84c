/**
 * RBAC engine benchmark: a synthetic cluster of 10,000 service accounts, 5,000 roles and 20,000
 * bindings. Measures model + authorizer build, every subject's effective permissions, and every
 * escalation path. Target: everything in under 3 s.
 *   node --import tsx bench/rbac.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import type { K8sObject } from '../src/model/types.js';
import { buildModel } from '../src/engines/rbac/model.js';
import { authorizerFromModel } from '../src/engines/rbac/authorizer.js';
import { analyzeEscalations } from '../src/engines/rbac/escalation.js';

const SERVICE_ACCOUNTS = 10_000;
const ROLES = 5_000;
const BINDINGS = 20_000;
const NAMESPACES = 200;
const TARGET_MS = 3000;

// Deterministic PRNG (mulberry32) so runs are comparable.
let seed = 42;
function rand(n: number): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n | 0;
}

const RULE_POOL = [
  { apiGroups: [''], resources: ['pods', 'services', 'configmaps'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['apps'], resources: ['deployments', 'statefulsets'], verbs: ['get', 'list', 'create', 'update', 'patch'] },
  { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
  { apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['app-config'] },
  { apiGroups: [''], resources: ['pods/exec', 'pods/log'], verbs: ['create', 'get'] },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['*'] },
  { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'], resourceNames: ['builder'] },
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings'], verbs: ['create'] },
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['bind', 'escalate', 'update'] },
  { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies', 'ingresses'], verbs: ['get', 'list'] },
  { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
  { nonResourceURLs: ['/metrics', '/healthz*'], verbs: ['get'] },
];

function synthetic(): K8sObject[] {
  const objs: K8sObject[] = [];
  const ns = (i: number): string => `ns-${i % NAMESPACES}`;
  for (let i = 0; i < NAMESPACES; i++) {
    objs.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns(i), labels: i % 3 === 0 ? { 'pod-security.kubernetes.io/enforce': 'restricted' } : {} } });
  }
  for (let i = 0; i < SERVICE_ACCOUNTS; i++) objs.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: `sa-${i}`, namespace: ns(i) } });
  // Workloads running as a fifth of the accounts (targets of exec / controller updates).
  for (let i = 0; i < SERVICE_ACCOUNTS; i += 5) {
    objs.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `app-${i}`, namespace: ns(i) }, spec: { template: { spec: { serviceAccountName: `sa-${i}`, containers: [{ name: 'c', image: 'x' }] } } } });
  }
  objs.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'cluster-admin' }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }] });
  const clusterRoles = Math.floor(ROLES / 5);
  const rules = (): unknown[] => Array.from({ length: 1 + rand(4) }, () => RULE_POOL[rand(RULE_POOL.length)]);
  for (let i = 1; i < clusterRoles; i++) {
    const labels: Record<string, string> = i % 50 === 0 ? { 'rbac.example.com/aggregate-to-ops': 'true' } : {};
    objs.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: `cr-${i}`, labels }, rules: rules() });
  }
  objs.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'ops' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-ops': 'true' } }] } });
  for (let i = 0; i < ROLES - clusterRoles; i++) objs.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: `role-${i}`, namespace: ns(i) }, rules: rules() });
  const saSubject = (): Record<string, string> => {
    const i = rand(SERVICE_ACCOUNTS);
    return { kind: 'ServiceAccount', name: `sa-${i}`, namespace: ns(i) };
  };
  for (let i = 0; i < BINDINGS; i++) {
    const subjects = [saSubject(), ...(rand(4) === 0 ? [saSubject(), { kind: 'Group', name: `team-${rand(50)}` }] : [])];
    if (i % 10 === 0) {
      // Cluster-wide bindings: mostly read-only roles, a few admins.
      const role = i % 2000 === 0 ? 'cluster-admin' : `cr-${1 + rand(clusterRoles - 1)}`;
      objs.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: `crb-${i}` }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role }, subjects });
    } else {
      const n = rand(NAMESPACES);
      const roleRef = rand(2) === 0 ? { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `cr-${1 + rand(clusterRoles - 1)}` } : { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `role-${n + NAMESPACES * rand(Math.floor((ROLES - clusterRoles) / NAMESPACES))}` };
      objs.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: `rb-${i}`, namespace: `ns-${n}` }, roleRef, subjects });
    }
  }
  return objs;
}

const objects = synthetic();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const model = buildModel(objects);
const authz = authorizerFromModel(model);
const t1 = performance.now();
let ruleCount = 0;
for (const sa of model.serviceAccounts.values()) ruleCount += authz.permissions(`ServiceAccount:${sa.namespace}:${sa.name}`).rules.length;
const t2 = performance.now();
const analysis = analyzeEscalations(authz);
const t3 = performance.now();
const cpu = process.cpuUsage(cpu0);
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);

// Machine-speed reference: a fixed integer loop (about 300 ms of CPU on an idle modern core).
// When this is slow the machine is loaded, and the figures above scale with it.
const c0 = performance.now();
let sink = 0;
for (let i = 0; i < 3e8; i++) sink += i % 7;
const calibrationMs = Math.round(performance.now() - c0);

const figures = {
  serviceAccounts: SERVICE_ACCOUNTS,
  roles: ROLES,
  bindings: BINDINGS,
  buildMs: Math.round(t1 - t0),
  permissionsMs: Math.round(t2 - t1),
  escalationsMs: Math.round(t3 - t2),
  totalMs: Math.round(t3 - t0),
  // CPU time of this process: the wall-clock figure is inflated when the machine is busy.
  cpuMs,
  loadAverage: Number(loadavg()[0]?.toFixed(2)),
  calibrationMs,
  calibrationSink: sink % 2,
  effectiveRules: ruleCount,
  paths: analysis.paths.length,
  graphNodes: analysis.stats.nodes,
  graphEdges: analysis.stats.edges,
  targetMs: TARGET_MS,
  pass: t3 - t0 < TARGET_MS,
};
const rows: [string, string][] = [
  ['model + authorizer build', `${figures.buildMs} ms`],
  [`effective permissions (${SERVICE_ACCOUNTS} SAs, ${ruleCount} rules)`, `${figures.permissionsMs} ms`],
  [`escalation paths (${figures.paths} paths, ${figures.graphNodes} nodes, ${figures.graphEdges} edges)`, `${figures.escalationsMs} ms`],
  ['total', `${figures.totalMs} ms (target < ${TARGET_MS} ms: ${figures.pass ? 'PASS' : 'FAIL'})`],
  ['cpu time (user+sys)', `${cpuMs} ms (1-min load average ${figures.loadAverage})`],
  ['reference loop (≈300 ms on an idle core)', `${calibrationMs} ms`],
];
const w = Math.max(...rows.map(([a]) => a.length));
for (const [a, b] of rows) console.log(`${a.padEnd(w)}  ${b}`);
console.log(`BENCH_JSON ${JSON.stringify({ bench: 'rbac', ...figures })}`);
