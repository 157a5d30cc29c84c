/**
 * Manifest input: files, directories, stdin, Helm charts and Kustomizations -> Resources with
 * lazy exact positions, input errors, and an account of every file and document.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InputError, InputErrorCode } from '../model/finding.js';
import { decodeManifest } from './decode.js';
import type { Sink } from './documents.js';
import { discover } from './discover.js';
import { helmSlot } from './helm-source.js';
import { buildKustomize, renderHelm } from './render.js';
import type { RenderResult } from './render.js';
import { splitDocuments } from './split.js';
import { emptyReport, loadText, loadTextAs, loadYamlSlots, settleStatus } from './text.js';
import type { FileReport, InputLimits, LoadOptions, LoadResult } from './types.js';
import { DEFAULT_LIMITS } from './types.js';

export type { LoadOptions, LoadResult, FileReport, InputLimits, FileStatus, SkippedDocument } from './types.js';
export { DEFAULT_LIMITS } from './types.js';
export { loadText } from './text.js';
export type { TextLoad } from './text.js';

type ReadResult = { ok: true; text: string } | { ok: false; code: InputErrorCode; message: string };

/** Read a file, refusing oversized and non-text files before decoding them. */
function readManifest(path: string, limits: InputLimits): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, code: code === 'ENOENT' ? 'not-found' : 'unreadable', message: code === 'ENOENT' ? 'no such file or directory' : `cannot read file (${code ?? 'error'})` };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > limits.maxFileBytes) return { ok: false, code: 'size-limit', message: `file is ${size} bytes, larger than the ${limits.maxFileBytes}-byte limit` };
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    const decoded = decodeManifest(buf.subarray(0, off));
    return decoded.ok ? decoded : { ok: false, code: 'unreadable', message: decoded.message };
  } catch (err) {
    return { ok: false, code: 'unreadable', message: `cannot read file (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    closeSync(fd);
  }
}

async function readStdin(limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > limit) throw new Error(`stdin is larger than the ${limit}-byte limit`);
    chunks.push(b);
  }
  const decoded = decodeManifest(Buffer.concat(chunks));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.text;
}

class Collector {
  readonly result: LoadResult = { resources: [], errors: [], files: [] };

  fail(file: string, code: InputErrorCode, message: string, line = 0, column = 0): void {
    const error: InputError = { file, line, column, message, code };
    this.result.errors.push(error);
    this.result.files.push({ ...emptyReport(file), status: 'failed', reason: message });
  }

  skip(file: string, reason: string): void {
    this.result.files.push({ ...emptyReport(file), status: 'skipped', reason });
  }

  add(sink: { resources: LoadResult['resources']; errors: InputError[]; report: FileReport }): void {
    for (const r of sink.resources) this.result.resources.push(r);
    for (const e of sink.errors) this.result.errors.push(e);
    this.result.files.push(sink.report);
  }
}

/** Load rendered Helm output; documents map back to templates through `# Source:` comments. */
function loadHelmOutput(text: string, chartDir: string, limits: InputLimits): Sink {
  const sink: Sink = { resources: [], errors: [], report: emptyReport(chartDir) };
  const slots = splitDocuments(text).map((span) => helmSlot(text, span, chartDir));
  loadYamlSlots(text, slots, sink, limits);
  settleStatus(sink.report);
  return sink;
}

function rendered(c: Collector, dir: string, r: RenderResult, load: (text: string) => Sink): void {
  if (!r.ok) c.fail(dir, r.code, r.message);
  else c.add(load(r.text));
}

/**
 * Load manifests from files, directories and stdin (`-`). Never throws for bad input: every
 * problem is an InputError and every file a FileReport. Order is deterministic.
 */
export async function loadPaths(paths: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const limits: InputLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const cwd = options.cwd ?? process.cwd();
  const c = new Collector();
  const renderOpts = {
    helmBinary: options.helmBinary,
    kustomizeBinary: options.kustomizeBinary,
    kubectlBinary: options.kubectlBinary,
    helmValues: options.helmValues,
    helmSet: options.helmSet,
    maxOutputBytes: Math.max(limits.maxFileBytes * 16, 64 * 1024 * 1024),
    cwd,
  };
  for (const t of discover(paths, options.exclude ?? [], cwd)) {
    switch (t.kind) {
      case 'missing':
        c.fail(t.path, 'not-found', t.message);
        break;
      case 'excluded':
        c.skip(t.path, `excluded by pattern "${t.pattern}"`);
        break;
      case 'helm':
        rendered(c, t.path, await renderHelm(t.path, renderOpts), (text) => loadHelmOutput(text, t.path, limits));
        break;
      case 'kustomize':
        rendered(c, t.path, await buildKustomize(t.path, renderOpts), (text) => loadTextAs(text, t.path, limits, 'yaml'));
        break;
      case 'file': {
        if (t.path === '-') {
          let text: string;
          try {
            text = options.stdin ? await options.stdin() : await readStdin(limits.maxFileBytes);
          } catch (err) {
            const message = (err as Error).message;
            c.fail('<stdin>', /limit/.test(message) ? 'size-limit' : 'unreadable', message);
            break;
          }
          c.add(loadText(text, '<stdin>', limits));
          break;
        }
        const read = readManifest(resolve(cwd, t.path), limits);
        if (!read.ok) c.fail(t.path, read.code, read.message, 1, 1);
        else c.add(loadText(read.text, t.path, limits));
        break;
      }
    }
  }
  return c.result;
}
