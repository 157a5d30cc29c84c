import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadOptions, LoadResult } from './types.js';
import { DEFAULT_LIMITS } from './types.js';
import { loadText } from './text.js';

export type { LoadOptions, LoadResult, FileReport } from './types.js';
export { loadText } from './text.js';

const MANIFEST_EXT = /\.(ya?ml|json)$/i;

async function expand(path: string): Promise<string[]> {
  const st = await stat(path);
  if (!st.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(path, e.name);
    if (e.isDirectory()) out.push(...(await expand(p)));
    else if (MANIFEST_EXT.test(e.name)) out.push(p);
  }
  return out;
}

/** Load manifests from files, directories and stdin (`-`). Never throws for bad input. */
export async function loadPaths(paths: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const result: LoadResult = { resources: [], errors: [], files: [] };
  for (const p of paths) {
    let files: string[];
    if (p === '-') {
      const text = options.stdin ? await options.stdin() : '';
      const r = loadText(text, '<stdin>', limits);
      result.resources.push(...r.resources);
      result.errors.push(...r.errors);
      result.files.push(r.report);
      continue;
    }
    try {
      files = await expand(p);
    } catch {
      result.errors.push({ file: p, line: 0, column: 0, message: 'no such file or directory', code: 'not-found' });
      result.files.push({ file: p, status: 'failed', reason: 'no such file or directory', documents: 0, resources: 0, skipped: [], failedDocuments: 0 });
      continue;
    }
    for (const f of files) {
      const text = await readFile(f, 'utf8');
      const r = loadText(text, f, limits);
      result.resources.push(...r.resources);
      result.errors.push(...r.errors);
      result.files.push(r.report);
    }
  }
  return result;
}
