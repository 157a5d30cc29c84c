/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process (so peak RSS is per benchmark),
 * collects the `BENCH_JSON {...}` line each prints, and writes bench/results/latest.json.
 * Targets are checked here, not in tests: a miss is printed as MISS but does not fail the run.
 */
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const only = process.argv[2];
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();
const results: Record<string, unknown> = {};
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join('bench', f)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  const out = res.stdout ?? '';
  for (const line of out.split('\n')) {
    if (line.startsWith('BENCH_JSON ')) {
      try {
        results[f.replace(/\.bench\.ts$/, '')] = JSON.parse(line.slice('BENCH_JSON '.length));
      } catch {
        console.log(`(could not parse BENCH_JSON of ${f})`);
      }
    } else if (line.trim() !== '') console.log(line);
  }
  if (res.status !== 0) console.log(`${f} exited with ${res.status}`);
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2));
console.log('\nfigures written to bench/results/latest.json');
