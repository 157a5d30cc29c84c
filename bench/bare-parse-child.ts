/** The baseline: read every file and js-yaml `loadAll` it, nothing else. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ya?ml|json)$/.test(name)) out.push(p);
  }
  return out;
}
const t0 = performance.now();
let docs = 0;
for (const f of walk(process.argv[2]!)) {
  loadAll(readFileSync(f, 'utf8'), () => docs++);
}
console.log(JSON.stringify({ documents: docs, totalMs: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
