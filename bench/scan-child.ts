/**
 * One full scan in its own process, reporting wall time and peak RSS (used by scan.bench.ts).
 * Runs the compiled build in dist/ (what users run), not the tsx-transpiled sources.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const dist = new URL('../dist/', import.meta.url).href;
const { loadPaths } = (await import(`${dist}input/index.js`)) as typeof import('../src/input/index.js');
const { allControls } = (await import(`${dist}engines/controls/registry.js`)) as typeof import('../src/engines/controls/registry.js');
const { EMPTY_CONFIG } = (await import(`${dist}config/config.js`)) as typeof import('../src/config/config.js');
const { runScan } = (await import(`${dist}scan/run.js`)) as typeof import('../src/scan/run.js');
const { chunkedFormatters, reportControls } = (await import(`${dist}reports/index.js`)) as typeof import('../src/reports/index.js');
const { writeChunks } = (await import(`${dist}interfaces/cli/write-chunks.js`)) as typeof import('../src/interfaces/cli/write-chunks.js');

const dir = process.argv[2]!;
const mode = process.argv[3] ?? 'full';
const t0 = performance.now();
const loaded = await loadPaths([dir]);
if (mode === 'load+locate') for (const r of loaded.resources) r.source.locate('/metadata/name');
const t1 = performance.now();
let findings = 0;
let jsonBytes = 0;
if (mode === 'full') {
  const controls = allControls();
  const result = runScan(loaded, { controls, config: EMPTY_CONFIG });
  findings = result.findings.length;
  // Written as the CLI writes it, to /dev/null: the report streams, it is never one string.
  const chunks = chunkedFormatters.json(result, { color: false, cwd: process.cwd(), controls: reportControls(controls.map((c) => c.meta)) });
  const sink = createWriteStream('/dev/null');
  await writeChunks(sink, (function* () {
    for (const c of chunks) {
      jsonBytes += c.length;
      yield c;
    }
  })());
  sink.end();
  await once(sink, 'finish');
}
const t2 = performance.now();
console.log(JSON.stringify({ resources: loaded.resources.length, errors: loaded.errors.length, findings, jsonBytes, loadMs: t1 - t0, totalMs: t2 - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
