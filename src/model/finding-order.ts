import type { Finding } from './finding.js';
import { refKey } from './types.js';

/** Plain code-unit comparison: locale-independent, so output is identical on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Report order: located findings by file, line, column, then resource and control; findings
 * without a source location (cluster objects) last, by resource. Allocates nothing until a
 * comparison reaches the resource (a tie on position), so sorting 100k findings stays cheap.
 */
export function compareFindings(a: Finding, b: Finding): number {
  const la = a.location;
  const lb = b.location;
  if ((la === undefined) !== (lb === undefined)) return la ? -1 : 1;
  if (la && lb) {
    const byPosition = compareStrings(la.file, lb.file) || la.line - lb.line || la.column - lb.column;
    if (byPosition !== 0) return byPosition;
  }
  // Findings of one resource share its reference object: no key to build for the common tie.
  return (
    (a.resource === b.resource ? 0 : compareStrings(refKey(a.resource), refKey(b.resource))) ||
    compareStrings(a.control, b.control) ||
    compareStrings(a.path, b.path) ||
    compareStrings(a.container ?? '', b.container ?? '') ||
    compareStrings(a.fingerprint, b.fingerprint) ||
    compareStrings(a.message, b.message)
  );
}

/** A copy in report order; a list already in order (a scan result's) is only checked, not re-sorted. */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  const copy = findings.slice();
  for (let i = 1; i < copy.length; i++) {
    if (compareFindings(copy[i - 1]!, copy[i]!) > 0) return copy.sort(compareFindings);
  }
  return copy;
}
