/**
 * Helpers shared by every formatter: a deterministic finding order, display strings, and the
 * sanitising that keeps hostile input (names, messages) from steering a terminal or a renderer.
 */
import type { Finding, FrameworkName, FrameworkRefs, InputError } from '../model/finding.js';
import { refKey, SEVERITIES } from '../model/types.js';
import type { Severity } from '../model/types.js';
import { compareStrings } from '../model/finding-order.js';

/** Framework order used in every report (the order of `FrameworkRefs`). */
export const FRAMEWORK_ORDER: readonly FrameworkName[] = ['cis', 'nsa', 'pss', 'mitre'];

export const FRAMEWORK_LABELS: Readonly<Record<FrameworkName, string>> = {
  cis: 'CIS',
  nsa: 'NSA/CISA',
  pss: 'PSS',
  mitre: 'MITRE',
};

/** Most severe first. */
export const SEVERITY_ORDER: readonly Severity[] = SEVERITIES;

// The report order lives in the model: the scan sorts once, reports only check it.
export { compareFindings, compareStrings, sortedFindings } from '../model/finding-order.js';

/**
 * A JSON array as chunks, one compact item per line, for reports that are pretty at the top and
 * compact per item: `indent` is the column of the closing bracket, items sit two further in.
 */
export function* compactJsonLines<T>(items: readonly T[], toJson: (item: T) => unknown, indent: number): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  const pad = ' '.repeat(indent + 2);
  for (let i = 0; i < items.length; i++) yield `${i === 0 ? '[\n' : ',\n'}${pad}${JSON.stringify(toJson(items[i]!))}`;
  yield `\n${' '.repeat(indent)}]`;
}

/** The text before and after the first `marker` (a placeholder in a report frame). */
export function splitOnce(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`report frame lacks ${marker}`);
  return [text.slice(0, at), text.slice(at + marker.length)];
}

/** Input errors by file, line, column. */
export function sortedErrors(errors: readonly InputError[]): InputError[] {
  return [...errors].sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.message, b.message));
}

/** Where an input error is: `file:line:col`, `file:line` or `file` as far as known; `(input)` when no file. */
export function errorLocation(e: InputError): string {
  const file = e.file === '' ? '(input)' : e.file;
  if (e.line < 1) return file;
  if (e.column < 1) return `${file}:${e.line}`;
  return `${file}:${e.line}:${e.column}`;
}

/** `file:line:col` for located findings, the resource ref (`Kind/ns/name`) otherwise. */
export function displayLocation(f: Finding): string {
  return f.location ? `${f.location.file}:${f.location.line}:${f.location.column}` : refKey(f.resource);
}

/** Framework IDs as `cis:5.2.2` tags, in report order. */
export function frameworkTags(refs: FrameworkRefs): string[] {
  const tags: string[] = [];
  for (const fw of FRAMEWORK_ORDER) for (const id of refs[fw] ?? []) tags.push(`${fw}:${id}`);
  return tags;
}

/** A full `FrameworkRefs` (every list present) copied in report order. */
export function normalizedFrameworks(refs: Partial<FrameworkRefs> | undefined): FrameworkRefs {
  return {
    cis: [...(refs?.cis ?? [])],
    nsa: [...(refs?.nsa ?? [])],
    pss: [...(refs?.pss ?? [])],
    mitre: [...(refs?.mitre ?? [])],
  };
}

// C0 controls except tab/newline, DEL, C1 controls, and bidi overrides/isolates (Trojan Source).
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NEEDS_SANITISING = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Make text safe for a terminal or a line-oriented format: control characters (ANSI escape
 * sequences in a hostile resource name, for instance) become visible `\u001b` escapes, and line
 * breaks become spaces so one finding stays on one line.
 */
export function singleLine(text: string): string {
  if (!NEEDS_SANITISING.test(text)) return text; // the common case, kept cheap for large reports
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/\t/g, ' ')
    .replace(UNSAFE_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Like `singleLine` but keeps line breaks (for multi-line bodies such as remediation text). */
export function safeText(text: string): string {
  return text.replace(/\r\n|\r/g, '\n').replace(UNSAFE_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Unsuppressed findings only. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.suppressed === undefined);
}

/** Count unsuppressed findings per severity (all severities present). */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 } satisfies Record<Severity, number>;
  for (const f of findings) if (f.suppressed === undefined) counts[f.severity]++;
  return counts;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Score as printed: `87.5%`, or `n/a` when nothing was applicable. */
export function formatScore(score: number | null): string {
  return score === null ? 'n/a' : `${score.toFixed(1)}%`;
}

/**
 * Optional detail the compliance engine adds to an item (`ComplianceItemDetail` in
 * engines/frameworks): whether the framework calls it automatable, and why it is manual or not
 * applicable. Read defensively: the report contract (`ComplianceItem`) does not require them.
 */
export interface ComplianceDetail {
  automated?: boolean;
  manualReason?: string;
  reason?: string;
}

export function complianceDetail(item: object): ComplianceDetail {
  const raw = item as Record<string, unknown>;
  const out: ComplianceDetail = {};
  if (typeof raw['automated'] === 'boolean') out.automated = raw['automated'];
  if (typeof raw['manualReason'] === 'string') out.manualReason = raw['manualReason'];
  if (typeof raw['reason'] === 'string') out.reason = raw['reason'];
  return out;
}
