import { LineCounter, parseAllDocuments, isMap, isSeq, isScalar, isPair } from 'yaml';
import type { Node as YamlNode, Document } from 'yaml';
import type { InputError } from '../model/finding.js';
import type { JsonPointer, K8sObject, Resource, SourceLocation } from '../model/types.js';
import { splitPointer } from '../model/pointer.js';
import type { FileReport, InputLimits } from './types.js';
import { DEFAULT_LIMITS } from './types.js';

/** Result of loading one text (file or stdin). */
export interface TextLoad {
  resources: Resource[];
  errors: InputError[];
  report: FileReport;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Find the YAML node for a pointer, falling back to the deepest existing ancestor. */
function nodeAt(doc: Document, pointer: JsonPointer): YamlNode | undefined {
  let node: unknown = doc.contents;
  let last: YamlNode | undefined = (node as YamlNode | null) ?? undefined;
  for (const token of splitPointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === token);
      if (!pair) return last;
      node = pair.value;
      // For a key whose value is null/absent, point at the key itself.
      if (node === null || node === undefined) return (pair.key as YamlNode) ?? last;
    } else if (isSeq(node)) {
      const item = node.items[Number(token)];
      if (item === undefined) return last;
      node = item;
    } else {
      return last;
    }
    last = node as YamlNode;
  }
  return last;
}

/** Load every Kubernetes object of a YAML/JSON text, with lazy exact positions. */
export function loadText(text: string, file: string, limits: InputLimits = DEFAULT_LIMITS): TextLoad {
  const report: FileReport = { file, status: 'scanned', documents: 0, resources: 0, skipped: [], failedDocuments: 0 };
  const resources: Resource[] = [];
  const errors: InputError[] = [];
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  list.forEach((doc, documentIndex) => {
    report.documents++;
    const startLine = lineCounter.linePos(doc.range?.[0] ?? 0).line;
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      const pos = lineCounter.linePos(e.pos[0]);
      errors.push({ file, line: pos.line, column: pos.col, message: e.message.split('\n')[0] ?? e.message, code: 'yaml-syntax' });
      report.failedDocuments++;
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliases });
    } catch (err) {
      errors.push({ file, line: startLine, column: 1, message: (err as Error).message, code: 'alias-limit' });
      report.failedDocuments++;
      return;
    }
    if (value === null || value === undefined) {
      report.skipped.push({ documentIndex, line: startLine, reason: 'empty document' });
      return;
    }
    const locate = (pointer: JsonPointer): SourceLocation | undefined => {
      const node = nodeAt(doc, pointer);
      const range = node?.range;
      if (!range) return undefined;
      const start = lineCounter.linePos(range[0]);
      const end = lineCounter.linePos(range[1]);
      return { file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
    };
    const add = (obj: unknown, base: JsonPointer, listIndex?: number): void => {
      if (!isRecord(obj) || typeof obj['apiVersion'] !== 'string' || typeof obj['kind'] !== 'string') {
        report.skipped.push({ documentIndex, line: locate(base)?.line ?? startLine, reason: 'not a Kubernetes object (no apiVersion/kind)' });
        return;
      }
      const kind = obj['kind'];
      const items = obj['items'];
      if ((kind === 'List' || kind.endsWith('List')) && Array.isArray(items)) {
        items.forEach((item, i) => add(item, `${base}/items/${i}`, i));
        return;
      }
      const source: Resource['source'] = {
        file,
        documentIndex,
        locate: (p) => locate(base + p),
      };
      if (listIndex !== undefined) source.listIndex = listIndex;
      resources.push({ object: obj as K8sObject, source });
      report.resources++;
    };
    add(value, '');
  });
  if (report.failedDocuments > 0 && report.resources === 0 && report.skipped.length === 0) report.status = 'failed';
  return { resources, errors, report };
}
