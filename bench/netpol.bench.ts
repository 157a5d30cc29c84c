/**
 * NetworkPolicy engine benchmark: 5,000 workloads and 2,000 policies.
 *   Target: full connectivity list (workload pairs and external addresses) < 5 s; eval of one pair in ms.
 * Run: node --import tsx bench/netpol.bench.ts
 */
import { performance } from 'node:perf_hooks';
import type { K8sObject, Resource } from '../src/model/types.js';
import { NetworkAnalysis } from '../src/engines/netpol/analysis.js';
import { listConnections } from '../src/engines/netpol/connectivity.js';
import { evaluateConnection } from '../src/engines/netpol/eval.js';
import { formatConnections } from '../src/engines/netpol/format.js';

const NAMESPACES = 100;
const PER_NS = 50;
const OPEN_NAMESPACES = 2; // namespaces without any policy: dense, realistic worst spots
const TARGET_POLICIES = 2000;

function res(object: K8sObject, i: number): Resource {
  return { object, source: { file: 'bench.yaml', documentIndex: i, locate: () => undefined } };
}

function build(): Resource[] {
  const objs: K8sObject[] = [];
  for (let n = 0; n < NAMESPACES; n++) {
    const ns = `team-${n}`;
    objs.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { team: String(n), tier: n % 3 === 0 ? 'frontend' : 'backend' } } });
    for (let w = 0; w < PER_NS; w++) {
      objs.push({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: `app-${w}`, namespace: ns },
        spec: {
          template: {
            metadata: { labels: { app: `app-${w}`, role: w % 5 === 0 ? 'api' : w % 5 === 1 ? 'db' : 'worker' } },
            spec: { containers: [{ name: 'c', image: 'img', ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }] }] },
          },
        },
      });
    }
  }
  let policies = 0;
  const np = (ns: string, name: string, spec: Record<string, unknown>): void => {
    objs.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec });
    policies++;
  };
  const perNs = Math.ceil((TARGET_POLICIES - 0) / (NAMESPACES - OPEN_NAMESPACES));
  for (let n = OPEN_NAMESPACES; n < NAMESPACES && policies < TARGET_POLICIES; n++) {
    const ns = `team-${n}`;
    np(ns, 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    np(ns, 'allow-dns', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }], ports: [{ port: 53, protocol: 'UDP' }] }] });
    for (let k = 2; k < perNs && policies < TARGET_POLICIES; k++) {
      const target = `app-${(k * 7) % PER_NS}`;
      const from = `app-${(k * 11 + 1) % PER_NS}`;
      switch (k % 4) {
        case 0:
          np(ns, `allow-${k}`, { podSelector: { matchLabels: { app: target } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: from } } }], ports: [{ port: 'http' }] }] });
          break;
        case 1:
          np(ns, `allow-${k}`, { podSelector: { matchLabels: { app: from } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: target } } }], ports: [{ port: 8080 }, { port: 9000, endPort: 9100 }] }] });
          break;
        case 2:
          np(ns, `allow-${k}`, {
            podSelector: { matchLabels: { role: 'api' } },
            ingress: [{ from: [{ namespaceSelector: { matchLabels: { tier: 'frontend' } }, podSelector: { matchLabels: { role: 'api' } } }], ports: [{ port: 8080 }] }],
          });
          break;
        default:
          np(ns, `allow-${k}`, { podSelector: { matchLabels: { app: target } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: `10.${n}.0.0/16`, except: [`10.${n}.1.0/24`] } }], ports: [{ port: 443 }] }] });
      }
    }
  }
  return objs.map(res);
}

function ms(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}

/** CPU time of this process (user + system) since `c0`: robust when other jobs share the machine. */
function cpuMs(c0: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(c0);
  return Math.round((d.user + d.system) / 100) / 10;
}

const resources = build();
const nWorkloads = resources.filter((r) => r.object.kind === 'Deployment').length;
const nPolicies = resources.filter((r) => r.object.kind === 'NetworkPolicy').length;

let t0 = performance.now();
let c0 = process.cpuUsage();
const analysis = NetworkAnalysis.fromResources(resources);
const buildMs = ms(t0);
const buildCpuMs = cpuMs(c0);

t0 = performance.now();
c0 = process.cpuUsage();
const conns = listConnections(analysis);
const listMs = ms(t0);
const listCpuMs = cpuMs(c0);

t0 = performance.now();
const txt = formatConnections(conns, 'txt');
const formatMs = ms(t0);

// One pair on a warm model (what `eval` costs after loading), and cold (model build included).
const pairs = 1000;
t0 = performance.now();
for (let i = 0; i < pairs; i++) evaluateConnection(analysis, { from: `team-${(i % 97) + 2}/app-${i % 50}`, to: `team-${(i % 89) + 2}/app-${(i * 7) % 50}`, port: '8080' });
const evalWarmMs = Math.round(((performance.now() - t0) / pairs) * 1000) / 1000;
t0 = performance.now();
const cold = NetworkAnalysis.fromResources(resources);
evaluateConnection(cold, { from: 'team-5/app-1', to: 'team-6/app-7', port: 'http' });
const evalColdMs = ms(t0);

const fullMs = Math.round((buildMs + listMs) * 10) / 10;
const fullCpuMs = Math.round((buildCpuMs + listCpuMs) * 10) / 10;
const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
const rows: [string, string][] = [
  ['workloads / policies', `${nWorkloads} / ${nPolicies}`],
  ['model + index build', `${buildMs} ms`],
  ['full connectivity list', `${listMs} ms (${conns.length} connections, ${txt.length} bytes as txt)`],
  ['txt rendering', `${formatMs} ms`],
  ['build + list (target < 5000 ms)', `${fullMs} ms wall, ${fullCpuMs} ms CPU (load average ${load})`],
  ['eval one pair, warm', `${evalWarmMs} ms`],
  ['eval one pair, cold (build + eval)', `${evalColdMs} ms`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(36)} ${v}`);
console.log(
  `BENCH_JSON ${JSON.stringify({ area: 'netpol', workloads: nWorkloads, policies: nPolicies, connections: conns.length, buildMs, listMs, formatMs, buildPlusListMs: fullMs, buildPlusListCpuMs: fullCpuMs, loadAverage: Number(load), evalWarmMs, evalColdMs, targetListMs: 5000, pass: fullMs < 5000 && evalWarmMs < 10, passCpu: fullCpuMs < 5000 })}`,
);
