/**
 * Generate docs/controls/ from control metadata. `--check` fails (exit 1) when the checked-in
 * docs are stale, so CI catches a control changed without its docs.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { allControls } from '../src/engines/controls/registry.js';
import { controlMarkdown, controlsIndexMarkdown } from '../src/engines/controls/describe.js';

export function expectedDocs(): Map<string, string> {
  const controls = allControls();
  const docs = new Map<string, string>();
  docs.set('README.md', controlsIndexMarkdown(controls));
  for (const c of controls) docs.set(`${c.meta.id}.md`, controlMarkdown(c));
  return docs;
}

export function staleDocs(dir: string): string[] {
  const expected = expectedDocs();
  const stale: string[] = [];
  for (const [name, text] of expected) {
    const p = join(dir, name);
    if (!existsSync(p) || readFileSync(p, 'utf8') !== text) stale.push(name);
  }
  if (existsSync(dir)) for (const f of readdirSync(dir)) if (!expected.has(f)) stale.push(f);
  return stale;
}

const isMain = process.argv[1]?.endsWith('gen-docs.ts');
if (isMain) {
  const dir = 'docs/controls';
  if (process.argv.includes('--check')) {
    const stale = staleDocs(dir);
    if (stale.length > 0) {
      console.error(`stale control docs (run \`npm run docs\`): ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log('control docs are up to date');
  } else {
    mkdirSync(dir, { recursive: true });
    const expected = expectedDocs();
    for (const f of readdirSync(dir)) if (!expected.has(f)) unlinkSync(join(dir, f));
    for (const [name, text] of expected) writeFileSync(join(dir, name), text);
    console.log(`wrote ${expected.size} files to ${dir}`);
  }
}
