/**
 * Parsing benchmark: the manifest loader against a bare js-yaml parse of the same files.
 *
 *   node --import tsx bench/parse.bench.ts [resources=100000] [corpusDir]
 *
 * Phases run in separate child processes so each reports its own peak RSS:
 *   bare    - walk + read every file + js-yaml loadAll (default schema) / JSON.parse
 *   load    - loadPaths() (resources, errors, file accounting; no positions)
 *   locate  - loadPaths() + locate one deep field per resource (the container image)
 * Prints a table, then `BENCH_JSON {...}`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import { generateCorpus } from './corpus.js';
import { loadPaths } from '../src/input/index.js';

interface PhaseResult {
  phase: string;
  ms: number;
  cpuMs: number;
  resources: number;
  located: number;
  maxRssMb: number;
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ya?ml|json)$/.test(name)) out.push(p);
  }
  return out;
}

async function runPhase(phase: string, dir: string): Promise<PhaseResult> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let resources = 0;
  let located = 0;
  if (phase === 'bare') {
    for (const f of walk(dir, [])) {
      const text = readFileSync(f, 'utf8');
      const docs = f.endsWith('.json') ? [JSON.parse(text) as unknown] : loadAll(text);
      for (const d of docs) {
        const items = (d as { items?: unknown[] } | null)?.items;
        resources += Array.isArray(items) ? items.length : d ? 1 : 0;
      }
    }
  } else {
    const result = await loadPaths([dir]);
    resources = result.resources.length;
    if (phase === 'locate') {
      for (const r of result.resources) {
        const spec = r.object['spec'] as Record<string, unknown> | undefined;
        const pointer = spec?.['template'] ? '/spec/template/spec/containers/0/image' : spec?.['jobTemplate'] ? '/spec/jobTemplate/spec/template/spec/containers/0/image' : '/metadata/name';
        if (r.source.locate(pointer)) located++;
      }
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { phase, ms, cpuMs: (cpu.user + cpu.system) / 1000, resources, located, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function main(): Promise<void> {
  const [, , a, b, c] = process.argv;
  if (a === '--phase') {
    process.stdout.write(JSON.stringify(await runPhase(b as string, c as string)) + '\n');
    return;
  }
  const target = Number(a ?? 100_000);
  const dir = b ?? join(tmpdir(), `rampart-corpus-${target}`);
  const marker = join(dir, '.corpus.json');
  if (!existsSync(marker)) {
    const t = performance.now();
    const stats = generateCorpus(dir, { resources: target });
    writeFileSync(marker, JSON.stringify(stats));
    console.log(`generated ${stats.resources} resources in ${stats.files} files (${(stats.bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s -> ${dir}`);
  }
  const self = fileURLToPath(import.meta.url);
  const results: PhaseResult[] = [];
  for (const phase of ['bare', 'load', 'locate']) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--phase', phase, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`phase ${phase} failed: ${r.stderr}`);
    results.push(JSON.parse(r.stdout.trim().split('\n').pop() as string) as PhaseResult);
  }
  const bare = results[0] as PhaseResult;
  console.log('phase    wall ms   cpu ms  resources  located  res/s     x bare  peak RSS MB');
  for (const r of results) {
    console.log(
      `${r.phase.padEnd(8)} ${r.ms.toFixed(0).padStart(7)} ${r.cpuMs.toFixed(0).padStart(8)} ${String(r.resources).padStart(10)} ${String(r.located).padStart(8)}  ${(r.resources / (r.ms / 1000)).toFixed(0).padStart(8)}  ${(r.ms / bare.ms).toFixed(2).padStart(6)}  ${r.maxRssMb.toFixed(0).padStart(10)}`,
    );
  }
  const load = results[1] as PhaseResult;
  const locate = results[2] as PhaseResult;
  const json = {
    resources: load.resources,
    bareMs: Math.round(bare.ms),
    loadMs: Math.round(load.ms),
    locateMs: Math.round(locate.ms),
    loadRatio: Number((load.ms / bare.ms).toFixed(2)),
    locateRatio: Number((locate.ms / bare.ms).toFixed(2)),
    resourcesPerSecond: Math.round(load.resources / (load.ms / 1000)),
    peakRssMb: Math.round(Math.max(load.maxRssMb, locate.maxRssMb)),
    bareCpuMs: Math.round(bare.cpuMs),
    loadCpuMs: Math.round(load.cpuMs),
    locateCpuMs: Math.round(locate.cpuMs),
  };
  console.log(`BENCH_JSON ${JSON.stringify(json)}`);
}

await main();
