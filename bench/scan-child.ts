/** One full scan in its own process, reporting wall time and peak RSS (used by scan.bench.ts). */
import { loadPaths } from '../src/input/index.js';
import { allControls } from '../src/engines/controls/registry.js';
import { EMPTY_CONFIG } from '../src/config/config.js';
import { runScan } from '../src/scan/run.js';
import { formatters, reportControls } from '../src/reports/index.js';

const dir = process.argv[2]!;
const mode = process.argv[3] ?? 'full';
const t0 = performance.now();
const loaded = await loadPaths([dir]);
const t1 = performance.now();
let findings = 0;
let jsonBytes = 0;
if (mode === 'full') {
  const controls = allControls();
  const result = runScan(loaded, { controls, config: EMPTY_CONFIG });
  findings = result.findings.length;
  jsonBytes = formatters.json(result, { color: false, cwd: process.cwd(), controls: reportControls(controls.map((c) => c.meta)) }).length;
}
const t2 = performance.now();
console.log(JSON.stringify({ resources: loaded.resources.length, errors: loaded.errors.length, findings, jsonBytes, loadMs: t1 - t0, totalMs: t2 - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
