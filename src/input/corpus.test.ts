/**
 * Differential check of exact positions over the synthetic benchmark corpus: every scalar leaf of
 * every loaded resource is located, and the located source text must read back as that value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { generateCorpus } from '../../bench/corpus.js';
import { joinPointer } from '../model/pointer.js';
import type { SourceLocation } from '../model/types.js';
import { loadPaths } from './index.js';
import { KUBERNETES_YAML_SCHEMA } from './schema.js';

function leaves(v: unknown, pointer: string, out: [string, unknown][]): void {
  if (v !== null && typeof v === 'object') {
    for (const [k, c] of Array.isArray(v) ? v.entries() : Object.entries(v)) leaves(c, joinPointer(pointer, k), out);
  } else out.push([pointer, v]);
}

function sliceOf(text: string, loc: SourceLocation): string {
  const lines = text.split('\n');
  if (loc.line === loc.endLine) return (lines[loc.line - 1] ?? '').slice(loc.column - 1, loc.endColumn - 1);
  const out = [(lines[loc.line - 1] ?? '').slice(loc.column - 1)];
  for (let l = loc.line + 1; l < loc.endLine; l++) out.push(lines[l - 1] ?? '');
  out.push((lines[loc.endLine - 1] ?? '').slice(0, loc.endColumn - 1));
  return out.join('\n');
}

test('corpus: every scalar leaf is located at source text that reads back as its value', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-corpus-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  generateCorpus(dir, { resources: 400, seed: 7 });
  const r = await loadPaths(['.'], { cwd: dir });
  assert.deepEqual(r.errors, []);
  assert.ok(r.resources.length >= 400);
  const texts = new Map<string, string>();
  let checked = 0;
  for (const res of r.resources) {
    const file = res.source.file as string;
    if (!texts.has(file)) texts.set(file, readFileSync(join(dir, file), 'utf8'));
    const text = texts.get(file) as string;
    const out: [string, unknown][] = [];
    leaves(res.object, '', out);
    for (const [pointer, value] of out) {
      const loc = res.source.locate(pointer);
      assert.ok(loc, `${file} ${pointer} located`);
      const src = sliceOf(text, loc);
      // A block scalar's range ends at its last content character; its value keeps the newline.
      const read = file.endsWith('.json') ? JSON.parse(src) : load(src.startsWith('|') ? `${src}\n` : src, { schema: KUBERNETES_YAML_SCHEMA });
      assert.deepEqual(read, value, `${file} ${pointer}: ${JSON.stringify(src)}`);
      checked++;
    }
  }
  assert.ok(checked > 10_000, `checked ${checked} leaves`);
});
