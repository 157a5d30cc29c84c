/**
 * Turns document spans of a text into Resources, errors and an exact account of every document.
 *
 * Fast path: each document is parsed on its own by js-yaml straight into plain data; nothing
 * positional is kept except the document's span. Positions are computed lazily, per document,
 * only when `source.locate` is called (see locate-yaml.ts / locate-json.ts).
 */
import { YAMLException, constructFromEvents, loadAll, parseEvents } from 'js-yaml';
import type { InputError, InputErrorCode } from '../model/finding.js';
import type { JsonPointer, K8sObject, Resource, SourceLocation } from '../model/types.js';
import { escapeToken } from '../model/pointer.js';
import { checkAliasExpansion } from './aliases.js';
import { LineIndex } from './lines.js';
import { locateFast } from './locate-fast.js';
import { locateJson } from './locate-json.js';
import { locateYaml } from './locate-yaml.js';
import type { Span } from './locate-yaml.js';
import { KUBERNETES_YAML_SCHEMA } from './schema.js';
import type { DocumentSpan } from './split.js';
import type { FileReport, InputLimits } from './types.js';

/** One document to load, with where its positions are reported. */
export interface DocumentSlot {
  span: DocumentSpan;
  /** Reported file for this document (differs from the text's name for Helm templates). */
  file: string;
  /** Subtracted from text line numbers (Helm: lines count from the `# Source:` comment). */
  lineShift: number;
  /** Helm chart template the document was rendered from. */
  template?: string;
}

export interface Sink {
  resources: Resource[];
  errors: InputError[];
  report: FileReport;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Line tables of recently located documents (bounded: 100,000 resources must not keep 100,000). */
const LINE_CACHE_SIZE = 256;
const lineCache = new Map<object, LineIndex>();

/**
 * A whole YAML stream that parsed cleanly in one pass: its documents are located from one cached
 * event stream (one parse per file rather than per document). Only for streams of moderate
 * size, so the cache stays small.
 */
export class StreamOwner {
  static readonly MAX_CHARS = 512 * 1024;
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}
  source = (): string => (this.start === 0 && this.end === this.text.length ? this.text : this.text.slice(this.start, this.end));
}

/** Lazily positions one document; holds only the text reference and offsets until asked. */
class DocumentLocator {
  constructor(
    private readonly text: string,
    private readonly slot: DocumentSlot,
    private readonly json: boolean,
    /** The clean stream this document is `documentIndex` of, when located stream-wise. */
    private readonly stream?: { owner: StreamOwner; index: number },
  ) {}

  private lines(): LineIndex {
    let lines = lineCache.get(this);
    if (lines) {
      lineCache.delete(this);
    } else {
      const { span, lineShift } = this.slot;
      lines = new LineIndex(this.text, span.start, span.end, span.line - lineShift);
      if (lineCache.size >= LINE_CACHE_SIZE) lineCache.delete(lineCache.keys().next().value as object);
    }
    lineCache.set(this, lines);
    return lines;
  }

  locate(pointer: JsonPointer): SourceLocation | undefined {
    const { span } = this.slot;
    // Plain block-style YAML is located by the line scanner (same answers, a fraction of the
    // cost); anything it is not sure about goes to the js-yaml event walker.
    let found: Span | undefined = this.json ? undefined : locateFast(this, this.text, span.start, span.end, pointer);
    if (found) {
      // Absolute offsets already.
    } else if (this.stream) {
      const { owner, index } = this.stream;
      found = locateYaml(owner, owner.source, pointer, index);
      if (found) found = { start: found.start + owner.start, end: found.end + owner.start };
    } else {
      const src = (): string => this.text.slice(span.start, span.end);
      // JSON is YAML: the event walker (cached per document) serves both; the JSON scanner is the
      // fallback for JSON that js-yaml's tokenizer refuses (e.g. tab-indented).
      found = locateYaml(this, src, pointer);
      if (found) found = { start: found.start + span.start, end: found.end + span.start };
      else if (this.json) found = locateJson(this.text, pointer, span.start);
    }
    if (!found) return undefined;
    const lines = this.lines();
    const a = lines.position(found.start);
    const b = lines.position(found.end);
    return { file: this.slot.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

function errorCode(message: string): InputErrorCode {
  if (message.includes('maxDepth')) return 'depth-limit';
  if (message.includes('merge') && message.includes('limit')) return 'alias-limit';
  return 'yaml-syntax';
}

/** Parse one YAML document's text; throws YAMLException or AliasLimitError. */
function parseYaml(chunk: string, limits: InputLimits): unknown[] {
  const options = { schema: KUBERNETES_YAML_SCHEMA, maxDepth: limits.maxDepth };
  if (!chunk.includes('*')) return loadAll(chunk, options);
  // Possibly aliases: check the expansion on the event stream before constructing anything.
  const events = parseEvents(chunk, { maxDepth: limits.maxDepth });
  const overrun = checkAliasExpansion(events, chunk, limits.maxAliases);
  if (overrun) throw new AliasLimitError(overrun.offset, limits.maxAliases);
  return constructFromEvents(events, { source: chunk, schema: KUBERNETES_YAML_SCHEMA, maxAliases: -1 });
}

/**
 * Parse every document of a stream in one pass; undefined when anything is off (a syntax error,
 * an alias over the limit, documents not matching the split), and the caller goes per document.
 */
function parseWholeStream(text: string, slots: readonly DocumentSlot[], limits: InputLimits): { value: unknown }[] | undefined {
  const first = slots[0];
  const last = slots[slots.length - 1];
  if (!first || !last) return undefined;
  const stream = first.span.start === 0 && last.span.end === text.length ? text : text.slice(first.span.start, last.span.end);
  try {
    const events = parseEvents(stream, { maxDepth: limits.maxDepth });
    if (stream.includes('*') && checkAliasExpansion(events, stream, limits.maxAliases)) return undefined;
    const docs = constructFromEvents(events, { source: stream, schema: KUBERNETES_YAML_SCHEMA, maxAliases: -1 });
    if (docs.length !== slots.length) return undefined;
    return docs.map((value) => ({ value }));
  } catch {
    return undefined;
  }
}

export class AliasLimitError extends Error {
  override readonly name = 'AliasLimitError';
  constructor(
    readonly offset: number,
    limit: number,
  ) {
    super(`alias expansion exceeds the limit of ${limit} nodes (possible "billion laughs" attack)`);
  }
}

/** Depth of a JSON value beyond `limit`? Bounded recursion: stops at limit + 1. */
function deeperThan(v: unknown, limit: number): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (limit <= 0) return true;
  for (const c of Array.isArray(v) ? v : Object.values(v)) if (deeperThan(c, limit - 1)) return true;
  return false;
}

export class DocumentLoader {
  constructor(
    private readonly text: string,
    private readonly sink: Sink,
    private readonly limits: InputLimits,
  ) {}

  private error(file: string, line: number, column: number, message: string, code: InputErrorCode): void {
    this.sink.errors.push({ file, line, column, message, code });
    this.sink.report.failedDocuments++;
  }

  /**
   * Load all YAML documents of the text. Fast path: one js-yaml pass over the whole stream (no
   * per-document call overhead) when it parses cleanly and yields exactly the split documents;
   * otherwise each document alone, so one bad document costs only itself and errors are exact.
   */
  yamlStream(slots: readonly DocumentSlot[]): void {
    const whole = slots.length > 1 ? parseWholeStream(this.text, slots, this.limits) : undefined;
    const first = slots[0];
    const last = slots[slots.length - 1];
    const owner = whole && first && last && last.span.end - first.span.start <= StreamOwner.MAX_CHARS ? new StreamOwner(this.text, first.span.start, last.span.end) : undefined;
    slots.forEach((slot, i) => this.yaml(slot, i, whole?.[i], owner && { owner, index: i }));
  }

  /** Load a YAML document (`parsed`: its value from a whole-stream parse, when there was one). */
  yaml(slot: DocumentSlot, documentIndex: number, parsed?: { value: unknown }, stream?: { owner: StreamOwner; index: number }): void {
    const { span } = slot;
    this.sink.report.documents++;
    let values: unknown[];
    try {
      values = parsed ? [parsed.value] : parseYaml(this.text.slice(span.start, span.end), this.limits);
    } catch (err) {
      const lines = new LineIndex(this.text, span.start, span.end, span.line - slot.lineShift);
      if (err instanceof AliasLimitError) {
        const p = lines.position(span.start + err.offset);
        this.error(slot.file, p.line, p.column, err.message, 'alias-limit');
      } else if (err instanceof YAMLException) {
        const p = lines.position(span.start + (err.mark?.position ?? 0));
        const reason = err.reason || err.message.split('\n')[0] || 'invalid YAML';
        const code = errorCode(reason);
        const message = code === 'depth-limit' ? `nesting deeper than ${this.limits.maxDepth} levels` : reason;
        this.error(slot.file, p.line, p.column, message, code);
      } else {
        this.error(slot.file, span.line - slot.lineShift, 1, (err as Error).message, 'yaml-syntax');
      }
      return;
    }
    const locator = new DocumentLocator(this.text, slot, false, stream);
    if (values.length === 0 || values[0] === null || values[0] === undefined) {
      this.sink.report.skipped.push({ documentIndex, line: Math.max(1, span.line - slot.lineShift), reason: 'empty document' });
      return;
    }
    this.add(values[0], '', documentIndex, locator, slot);
  }

  /** Load a whole JSON text as one document. */
  json(slot: DocumentSlot): void {
    this.sink.report.documents++;
    let value: unknown;
    try {
      value = JSON.parse(this.text);
    } catch (err) {
      const pos = jsonErrorOffset(this.text, (err as Error).message);
      const p = new LineIndex(this.text, 0, this.text.length, slot.span.line).position(pos);
      const message = ((err as Error).message.split('\n')[0] ?? 'invalid JSON').replace(/ (?:in JSON )?at position \d+.*$/, '')
        // V8 quotes the offending input; never echo file content (it may be a Secret).
        .replace(/, (?:\.\.\.)?".*$/s, '');
      this.error(slot.file, p.line, p.column, message, 'json-syntax');
      return;
    }
    if (deeperThan(value, this.limits.maxDepth)) {
      this.error(slot.file, slot.span.line, 1, `nesting deeper than ${this.limits.maxDepth} levels`, 'depth-limit');
      return;
    }
    this.add(value, '', 0, new DocumentLocator(this.text, slot, true), slot);
  }

  private add(obj: unknown, base: JsonPointer, documentIndex: number, locator: DocumentLocator, slot: DocumentSlot, listIndex?: number): void {
    const { report } = this.sink;
    if (!isRecord(obj) || typeof obj['apiVersion'] !== 'string' || typeof obj['kind'] !== 'string' || obj['apiVersion'] === '' || obj['kind'] === '') {
      const missing = !isRecord(obj) ? 'not a mapping' : ['apiVersion', 'kind'].filter((k) => typeof obj[k] !== 'string' || obj[k] === '').join(' and ') + ' missing';
      const line = locator.locate(base)?.line ?? Math.max(1, slot.span.line - slot.lineShift);
      report.skipped.push({ documentIndex, line, reason: `not a Kubernetes object (${missing})` });
      return;
    }
    const kind = obj['kind'];
    const items = obj['items'];
    if ((kind === 'List' || kind.endsWith('List')) && Array.isArray(items)) {
      items.forEach((item, i) => this.add(item, `${base}/items/${escapeToken(i)}`, documentIndex, locator, slot, i));
      return;
    }
    const source: Resource['source'] = {
      file: slot.file,
      documentIndex,
      locate: base === '' ? (p) => locator.locate(p) : (p) => locator.locate(base + p),
    };
    if (listIndex !== undefined) source.listIndex = listIndex;
    if (slot.template !== undefined) source.template = slot.template;
    this.sink.resources.push({ object: obj as K8sObject, source });
    report.resources++;
  }
}

/**
 * Offset of a JSON.parse error. V8 names it in some messages ("at position N") but not in others
 * ("Unexpected token 'x', ..."), so otherwise bisect: the shortest prefix that fails for a reason
 * other than being cut short ends at the offending character.
 */
export function jsonErrorOffset(text: string, message: string): number {
  const m = /at position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  const failsEarly = (len: number): boolean => {
    try {
      JSON.parse(text.slice(0, len));
      return false;
    } catch (err) {
      const msg = (err as Error).message;
      if (/end of JSON input|Unterminated/.test(msg)) return false;
      const at = /at position (\d+)/.exec(msg);
      return !(at && Number(at[1]) >= len);
    }
  };
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsEarly(mid)) hi = mid;
    else lo = mid + 1;
  }
  return Math.max(0, lo - 1);
}
