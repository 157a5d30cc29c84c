/**
 * Pod Security evaluation throughput: pod evaluations per second on one core (this process is
 * single-threaded), at restricted:latest and baseline:latest, over a mix of compliant and
 * non-compliant pods. Target: >= 100,000 evaluations/s at restricted:latest.
 *
 *   node --import tsx bench/pss.bench.ts
 */
import { evaluatePod } from '../src/engines/pss/evaluate.js';
import { LATEST } from '../src/engines/pss/levels.js';
import type { LevelVersion } from '../src/engines/pss/types.js';

const TARGET = 100_000;

const hardened = (name: string) => ({ name, image: 'registry.example/app:1.0', ports: [{ containerPort: 8080 }], securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true } });

/** A realistic mix: a compliant 3-container pod, a typical unhardened pod, a host-level agent. */
const PODS = [
  {
    metadata: { name: 'compliant', annotations: { 'prometheus.io/scrape': 'true' } },
    spec: {
      securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
      initContainers: [hardened('init')],
      containers: [hardened('app'), hardened('sidecar')],
      volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }, { name: 'tmp', emptyDir: {} }, { name: 'tok', projected: { sources: [] } }],
    },
  },
  {
    metadata: { name: 'unhardened' },
    spec: {
      containers: [
        { name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], livenessProbe: { httpGet: { path: '/', port: 80 } } },
        { name: 'log', image: 'fluentbit', volumeMounts: [{ name: 'logs', mountPath: '/var/log' }] },
      ],
      volumes: [{ name: 'logs', emptyDir: {} }],
    },
  },
  {
    metadata: { name: 'agent' },
    spec: {
      hostNetwork: true,
      hostPID: true,
      containers: [{ name: 'agent', image: 'agent', ports: [{ containerPort: 9100 }], securityContext: { privileged: true, capabilities: { add: ['SYS_ADMIN', 'NET_RAW'] } } }],
      volumes: [{ name: 'root', hostPath: { path: '/' } }],
    },
  },
];

function measure(lv: LevelVersion, seconds: number): { perSecond: number; wallPerSecond: number; denied: number } {
  let denied = 0;
  // Warm up the JIT before timing.
  for (let i = 0; i < 20_000; i++) evaluatePod(PODS[i % PODS.length]!, lv);
  // CPU time of this (single-threaded) process, not wall time: "per core" even on a busy machine.
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const wallStart = performance.now();
  const start = cpu();
  let n = 0;
  while (cpu() - start < seconds) {
    for (let i = 0; i < 3000; i++) {
      if (!evaluatePod(PODS[i % PODS.length]!, lv).allowed) denied++;
    }
    n += 3000;
  }
  const cpuSeconds = cpu() - start;
  const wallSeconds = (performance.now() - wallStart) / 1000;
  return { perSecond: Math.round(n / cpuSeconds), wallPerSecond: Math.round(n / wallSeconds), denied };
}

const seconds = Number(process.env['BENCH_SECONDS'] ?? 2);
const restricted = measure({ level: 'restricted', version: LATEST }, seconds);
const baseline = measure({ level: 'baseline', version: LATEST }, seconds);

const fmt = (n: number): string => n.toLocaleString('en-US');
const rows: [string, string, string, string][] = [
  ['policy', 'evals/CPU-second', 'evals/wall-second', 'target (per core)'],
  ['restricted:latest', fmt(restricted.perSecond), fmt(restricted.wallPerSecond), `>= ${fmt(TARGET)}`],
  ['baseline:latest', fmt(baseline.perSecond), fmt(baseline.wallPerSecond), '-'],
];
for (const r of rows) console.log(`${r[0].padEnd(20)}${r[1].padStart(18)}${r[2].padStart(20)}  ${r[3]}`);
console.log(
  `BENCH_JSON ${JSON.stringify({
    area: 'pss',
    restrictedLatestPerCpuSecond: restricted.perSecond,
    restrictedLatestPerWallSecond: restricted.wallPerSecond,
    baselineLatestPerCpuSecond: baseline.perSecond,
    target: TARGET,
    meetsTarget: restricted.perSecond >= TARGET,
  })}`,
);
