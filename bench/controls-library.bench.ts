/**
 * Control library throughput (workload, secrets, exposure and single-object RBAC controls): the
 * synthetic corpus is loaded once, then every library control (disabled-by-default ones included)
 * runs over it, findings' exact locations included. Also times each control alone to name the
 * costliest. Target: >= 50,000 resources/s on one core, so the library stays a small share of
 * the foundation's 100,000-resources-in-10-s budget.
 *
 *   node --import tsx bench/controls-library.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from './corpus.js';
import { loadPaths } from '../src/input/index.js';
import { Inventory } from '../src/model/inventory.js';
import { resolve, runControls } from '../src/engines/controls/runner.js';
import type { ResolvedControl } from '../src/engines/controls/runner.js';
import type { Resource } from '../src/model/types.js';
import { libraryControls } from '../src/engines/controls/rules/index.js';

const RESOURCES = Number(process.env['BENCH_RESOURCES'] ?? 20_000);
const TARGET = 50_000;
const dir = mkdtempSync(join(tmpdir(), 'rampart-library-bench-'));
try {
  generateCorpus(dir, { resources: RESOURCES, seed: 7 });
  const { resources } = await loadPaths([dir]);
  const inventory = new Inventory(resources);
  const all = libraryControls.map(resolve);
  runControls(resources, inventory, all); // warm-up (JIT, lazy position indexes)

  /** Best of n runs, in CPU time (user+system): wall time is meaningless on a shared, loaded machine. */
  const best = (f: () => number, n: number): { ms: number; wallMs: number; findings: number } => {
    let ms = Infinity;
    let wallMs = Infinity;
    let findings = 0;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      findings = f();
      const c = process.cpuUsage(c0);
      ms = Math.min(ms, (c.user + c.system) / 1000);
      wallMs = Math.min(wallMs, performance.now() - t0);
    }
    return { ms, wallMs, findings };
  };
  /** The control logic alone: check() over every applicable resource, reports counted, not located. */
  // Resources grouped by kind once, as the runner's kind index does, so a control meets only its kinds.
  const byKind = new Map<string, Resource[]>();
  for (const r of resources) {
    const list = byKind.get(r.object.kind) ?? [];
    list.push(r);
    byKind.set(r.object.kind, list);
  }
  const checksOnly = (controls: readonly ResolvedControl[]): number => {
    let n = 0;
    const report = (): void => {
      n++;
    };
    for (const rc of controls) {
      const kinds = rc.control.meta.kinds;
      const targets = kinds.includes('*') ? resources : kinds.flatMap((k) => byKind.get(k) ?? []);
      for (const resource of targets) rc.control.check({ resource, object: resource.object, inventory, params: rc.params, report });
    }
    return n;
  };
  const logic = best(() => checksOnly(all), 3);
  const full = best(() => runControls(resources, inventory, all).length, 1);
  const perControl = all
    .map((rc) => ({ id: rc.control.meta.id, ...best(() => checksOnly([rc]), 3) }))
    .sort((a, b) => b.ms - a.ms);
  const perSec = Math.round(resources.length / (logic.ms / 1000));
  console.log(`resources          : ${resources.length}`);
  console.log(`controls           : ${all.length}`);
  console.log(`control logic      : ${logic.ms.toFixed(0)} ms CPU (${logic.wallMs.toFixed(0)} ms wall), ${logic.findings} findings`);
  console.log(`with runner+located: ${full.ms.toFixed(0)} ms CPU (runner builds findings and resolves each one's source position)`);
  console.log(`resources/s (logic): ${perSec} (target >= ${TARGET}: ${perSec >= TARGET ? 'ok' : 'MISS'})`);
  console.log('costliest controls (CPU, each alone over every resource of its kinds):');
  for (const c of perControl.slice(0, 5)) console.log(`  ${c.id.padEnd(40)} ${c.ms.toFixed(1).padStart(8)} ms  ${String(c.findings).padStart(7)} findings`);
  console.log(
    'BENCH_JSON ' +
      JSON.stringify({
        resources: resources.length,
        controls: all.length,
        controlLogicMs: Math.round(logic.ms),
        withRunnerAndLocationsMs: Math.round(full.ms),
        resourcesPerSec: perSec,
        findings: logic.findings,
        target: TARGET,
        costliest: perControl.slice(0, 5).map((c) => ({ id: c.id, ms: Math.round(c.ms * 10) / 10 })),
      }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
