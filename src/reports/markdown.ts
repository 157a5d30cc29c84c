/**
 * Markdown for pull-request comments and job summaries: a summary table, findings tables grouped
 * by severity, input errors, and compliance per framework. Every cell is escaped: pipes cannot
 * break a table, and markup or HTML in a resource name renders as text.
 */
import type { Finding } from '../model/finding.js';
import { refKey } from '../model/types.js';
import type { ScanResult } from '../scan/types.js';
import {
  activeFindings,
  complianceDetail,
  displayLocation,
  errorLocation,
  FRAMEWORK_LABELS,
  FRAMEWORK_ORDER,
  formatScore,
  frameworkTags,
  SEVERITY_ORDER,
  singleLine,
  sortedErrors,
  sortedFindings,
} from './common.js';
import type { FormatContext } from './context.js';

/** Escape text for a table cell: markdown syntax is backslash-escaped, HTML is entity-encoded. */
const MD_SPECIAL = /[\\`*_[\]~|&<>]/;

export function mdCell(text: string): string {
  const line = singleLine(text);
  if (!MD_SPECIAL.test(line)) return line; // the common case, kept cheap for large reports
  return line
    .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A code span that cannot be broken out of: backticks inside become escaped text instead. */
function code(text: string): string {
  return text.includes('`') || text.includes('|') ? mdCell(text) : `\`${singleLine(text)}\``;
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function formatMarkdown(result: ScanResult, _ctx: FormatContext): string {
  const s = result.summary;
  const out: string[] = [`# ${mdCell(result.tool.name)} scan report`, ''];
  out.push(s.failed ? `**Failed**: findings at or above \`${s.failOn}\`.` : `**Passed** (fail-on \`${s.failOn}\`).`, '');

  out.push('## Summary', '');
  const rows: string[][] = SEVERITY_ORDER.map((sev) => [sev, String(s.findings.bySeverity[sev])]);
  rows.push(['**total**', String(s.findings.total)]);
  for (const fw of FRAMEWORK_ORDER) rows.push([`${FRAMEWORK_LABELS[fw]} findings`, String(s.findings.byFramework[fw])]);
  const k = s.suppressed.byKind;
  rows.push(['suppressed', `${s.suppressed.total} (annotation ${k.annotation}, exception ${k.exception}, baseline ${k.baseline})`]);
  rows.push(['files', `${s.files.total} total, ${s.files.scanned} scanned, ${s.files.skipped} skipped, ${s.files.failed} failed`]);
  rows.push(['documents', `${s.documents.total} total, ${s.documents.scanned} scanned, ${s.documents.skipped} skipped, ${s.documents.failed} failed`]);
  rows.push(['resources', String(s.resources)]);
  rows.push(['input errors', String(result.errors.length)]);
  out.push(...table(['', 'count'], rows), '');

  const active = sortedFindings(activeFindings(result.findings));
  for (const sev of SEVERITY_ORDER) {
    const group = active.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    out.push(`## ${sev[0]!.toUpperCase()}${sev.slice(1)} (${group.length})`, '');
    out.push(...table(['Location', 'Resource', 'Control', 'Message', 'Frameworks', 'Remediation'], group.map(findingRow)), '');
  }

  const suppressed = sortedFindings(result.findings.filter((f) => f.suppressed !== undefined));
  if (suppressed.length > 0) {
    out.push(`## Suppressed (${suppressed.length})`, '');
    out.push(
      ...table(
        ['Location', 'Control', 'Kind', 'Reason'],
        suppressed.map((f) => [code(displayLocation(f)), code(f.control), f.suppressed?.kind ?? '', mdCell(f.suppressed?.reason ?? '')]),
      ),
      '',
    );
  }

  if (result.errors.length > 0) {
    out.push(`## Input errors (${result.errors.length})`, '');
    out.push(...table(['Location', 'Code', 'Message'], sortedErrors(result.errors).map((e) => [code(errorLocation(e)), e.code, mdCell(e.message)])), '');
  }

  const notes: string[] = [];
  for (const f of result.files) {
    if (f.status !== 'scanned') notes.push(`- ${f.status}: ${code(f.file)}${f.reason !== undefined ? `: ${mdCell(f.reason)}` : ''}`);
    for (const d of f.skipped) notes.push(`- skipped document ${d.documentIndex + 1} of ${code(`${f.file}:${d.line}`)}: ${mdCell(d.reason)}`);
  }
  for (const u of s.unusedExceptions) notes.push(`- unused exception ${code(`${u.file}#${u.index}`)} (${code(u.control)}): ${mdCell(u.reason)}`);
  for (const e of s.expiredExceptions) notes.push(`- expired exception ${code(`${e.file}#${e.index}`)} (${code(e.control)}) expired ${mdCell(e.expires)}; it no longer suppresses`);
  for (const g of s.coverageGaps) notes.push(`- not covered: ${mdCell(g.namespace !== undefined ? `${g.kind} in ${g.namespace}` : g.kind)}: ${mdCell(g.reason)}`);
  if (notes.length > 0) out.push('## Notes', '', ...notes, '');

  for (const fw of s.compliance) {
    out.push(`## ${mdCell(fw.title)} ${mdCell(fw.version)}: ${formatScore(fw.score)}`, '');
    out.push(
      ...table(
        ['ID', 'Title', 'Status', 'Findings', 'Notes'],
        fw.items.map((i) => [code(i.id), mdCell(i.title), i.status === 'failed' ? '**failed**' : i.status, String(i.findings), mdCell(complianceDetail(i).reason ?? '')]),
      ),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function findingRow(f: Finding): string[] {
  const resource = f.container !== undefined ? `${refKey(f.resource)} (container ${f.container})` : refKey(f.resource);
  return [
    code(displayLocation(f)),
    mdCell(resource),
    code(f.control),
    mdCell(f.message),
    frameworkTags(f.frameworks).map(mdCell).join(', '),
    mdCell(f.remediation),
  ];
}
