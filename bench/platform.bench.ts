/**
 * Platform controls throughput (control plane flags, kubelet/kube-proxy configuration, encryption,
 * audit and admission configuration, deprecated APIs): a mixed corpus of ordinary workloads,
 * ConfigMaps and Services plus the control-plane static pods and node configuration they exist
 * for. Measured on the compiled build (what users run; tsx adds per-closure overhead).
 * Target: >= 50,000 resources/s for all platform controls together.
 *
 *   node --import tsx bench/platform.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const RESOURCES = Number(process.env['BENCH_RESOURCES'] ?? 20_000);
const TARGET = 50_000;
// Inside node_modules so the compiled modules resolve the repo's dependencies.
const out = join(process.cwd(), 'node_modules', '.cache', 'rampart-platform-bench');
const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', out], { encoding: 'utf8' });
if (build.status !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(join(out, rel)).href)) as T;

type Runner = typeof import('../src/engines/controls/runner.js');
const { loadText } = await load<typeof import('../src/input/text.js')>('input/text.js');
const { Inventory } = await load<typeof import('../src/model/inventory.js')>('model/inventory.js');
const { runControls, resolve } = await load<Runner>('engines/controls/runner.js');
const { platformControls } = await load<typeof import('../src/engines/controls/rules/platform/index.js')>('engines/controls/rules/platform/index.js');

const docs: string[] = [];
for (let i = 0; i < RESOURCES; i++) {
  const ns = `ns${i % 50}`;
  switch (i % 4) {
    case 0:
      docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d${i}, namespace: ${ns}}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n        command: [nginx, -g, "daemon off;"]\n      - name: side\n        image: envoy:1\n`);
      break;
    case 1:
      docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}, namespace: ${ns}}\ndata:\n  app.properties: "a=b"\n`);
      break;
    case 2:
      docs.push(`apiVersion: v1\nkind: Service\nmetadata: {name: s${i}, namespace: ${ns}}\nspec:\n  ports: [{port: 80}]\n`);
      break;
    default:
      docs.push(`apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: ${ns}}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n`);
  }
}
for (const c of ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager']) {
  docs.push(`apiVersion: v1\nkind: Pod\nmetadata: {name: ${c}, namespace: kube-system}\nspec:\n  containers:\n  - name: ${c}\n    command: [${c}, --profiling=true, --bind-address=0.0.0.0]\n`);
}
docs.push('apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n');
const { resources } = loadText(docs.join('---\n'), 'bench.yaml');
const inventory = new Inventory(resources);
const all = platformControls.map(resolve);
runControls(resources, inventory, all); // warm-up
let best = Infinity;
let findings = 0;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  findings = runControls(resources, inventory, all).length;
  best = Math.min(best, performance.now() - t0);
}
const perSec = Math.round(resources.length / (best / 1000));
console.log(`resources     : ${resources.length}`);
console.log(`controls      : ${all.length}`);
console.log(`all controls  : ${best.toFixed(1)} ms, ${findings} findings`);
console.log(`resources/s   : ${perSec} (target >= ${TARGET}: ${perSec >= TARGET ? 'ok' : 'MISS'})`);
console.log('BENCH_JSON ' + JSON.stringify({ area: 'platform', resources: resources.length, controls: all.length, ms: Math.round(best * 10) / 10, resourcesPerSec: perSec, findings, target: TARGET, met: perSec >= TARGET }));
