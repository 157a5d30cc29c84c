import type { InputError } from '../model/finding.js';
import type { Resource } from '../model/types.js';
import { DocumentLoader } from './documents.js';
import type { DocumentSlot, Sink } from './documents.js';
import { splitDocuments } from './split.js';
import { renderedSlot } from './helm-source.js';
import type { FileReport, InputLimits } from './types.js';
import { DEFAULT_LIMITS } from './types.js';

/** Result of loading one text (file or stdin). */
export interface TextLoad {
  resources: Resource[];
  errors: InputError[];
  report: FileReport;
}

export function emptyReport(file: string): FileReport {
  return { file, status: 'scanned', documents: 0, resources: 0, skipped: [], failedDocuments: 0 };
}

/** Final status of a file from its documents: failed when nothing in it could be read. */
export function settleStatus(report: FileReport): void {
  if (report.status !== 'scanned') return;
  if (report.documents === 0) {
    report.status = 'skipped';
    report.reason ??= 'no YAML documents (empty or comments only)';
  } else if (report.failedDocuments === report.documents) {
    report.status = 'failed';
    report.reason ??= report.documents === 1 ? 'the document could not be parsed' : 'no document could be parsed';
  }
}

function looksLikeJson(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Load YAML document spans of `text` into the sink. */
export function loadYamlSlots(text: string, slots: readonly DocumentSlot[], sink: Sink, limits: InputLimits): void {
  new DocumentLoader(text, sink, limits).yamlStream(slots);
}

/**
 * Load every Kubernetes object of a YAML or JSON text, with lazy exact positions. `.json` files
 * (and JSON on stdin) are read as one JSON document; everything else as a YAML stream.
 */
export function loadText(text: string, file: string, limits: InputLimits = DEFAULT_LIMITS): TextLoad {
  const sink: Sink = { resources: [], errors: [], report: emptyReport(file) };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.length > limits.maxFileBytes) {
    const message = `larger than the ${limits.maxFileBytes}-byte limit`;
    sink.errors.push({ file, line: 1, column: 1, message, code: 'size-limit' });
    sink.report.status = 'failed';
    sink.report.reason = message;
    return sink;
  }
  const json = /\.json$/i.test(file) || (file === '<stdin>' && looksLikeJson(text));
  return loadTextAs(text, file, limits, json ? 'json' : 'yaml');
}

/** Load a text whose format is known (rendered Helm/Kustomize output is always YAML). */
export function loadTextAs(text: string, file: string, limits: InputLimits, format: 'json' | 'yaml'): TextLoad {
  const sink: Sink = { resources: [], errors: [], report: emptyReport(file) };
  if (format === 'json') {
    new DocumentLoader(text, sink, limits).json({ span: { start: 0, end: text.length, line: 1 }, file, lineShift: 0 });
  } else {
    loadYamlSlots(
      text,
      splitDocuments(text).map((span) => renderedSlot(text, span, file)),
      sink,
      limits,
    );
  }
  settleStatus(sink.report);
  return sink;
}
