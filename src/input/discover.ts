/**
 * Expand the paths given on the command line into work items, deterministically: paths in the
 * order given, directory entries sorted by code point (not locale). A directory holding a
 * kustomization is built, one holding Chart.yaml is rendered; neither is walked as raw files.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ExcludeMatcher } from './glob.js';

export type Target =
  | { kind: 'file'; path: string }
  | { kind: 'helm'; path: string }
  | { kind: 'kustomize'; path: string }
  | { kind: 'excluded'; path: string; pattern: string }
  | { kind: 'missing'; path: string; message: string };

const MANIFEST_EXT = /\.(ya?ml|json)$/i;
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function discover(paths: readonly string[], exclude: readonly string[], cwd: string): Target[] {
  const matcher = new ExcludeMatcher(exclude);
  const out: Target[] = [];
  const seenDirs = new Set<string>();
  const excluded = (p: string): string | undefined => (exclude.length === 0 ? undefined : matcher.match(relative(cwd, resolve(cwd, p))));

  const visitDir = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(resolve(cwd, dir));
    } catch {
      return;
    }
    if (seenDirs.has(real)) return; // symlink cycle or the same tree given twice
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(resolve(cwd, dir), { withFileTypes: true }).sort((a, b) => byCodePoint(a.name, b.name));
    } catch (err) {
      out.push({ kind: 'missing', path: dir, message: `cannot read directory: ${(err as NodeJS.ErrnoException).code ?? 'error'}` });
      return;
    }
    const names = entries.map((e) => e.name);
    if (KUSTOMIZATION_FILES.some((n) => names.includes(n))) {
      out.push({ kind: 'kustomize', path: dir });
      return;
    }
    if (names.includes('Chart.yaml')) {
      out.push({ kind: 'helm', path: dir });
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name === '.git') continue;
      const p = join(dir, name);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = statSync(resolve(cwd, p)).isDirectory();
        } catch {
          continue; // dangling symlink
        }
      } else if (!isDir && !entry.isFile()) {
        continue; // sockets, fifos, devices: never read
      }
      if (!isDir && !MANIFEST_EXT.test(name)) continue;
      const pattern = excluded(p);
      if (pattern !== undefined) out.push({ kind: 'excluded', path: p, pattern });
      else if (isDir) visitDir(p);
      else out.push({ kind: 'file', path: p });
    }
  };

  for (const p of paths) {
    if (p === '-') {
      out.push({ kind: 'file', path: '-' });
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(resolve(cwd, p)).isDirectory();
    } catch {
      out.push({ kind: 'missing', path: p, message: 'no such file or directory' });
      continue;
    }
    const pattern = excluded(p);
    if (pattern !== undefined) out.push({ kind: 'excluded', path: p, pattern });
    else if (isDir) visitDir(p);
    else out.push({ kind: 'file', path: p });
  }
  return out;
}
