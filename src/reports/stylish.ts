/**
 * The default terminal report, in the spirit of ESLint's `stylish`: findings grouped by file,
 * then input errors, then a summary (severities, frameworks, suppressions, accounting of every
 * file and document, exceptions, coverage gaps, compliance per framework).
 *
 * Everything taken from input goes through `singleLine`, so a hostile resource name cannot
 * smuggle ANSI escape sequences or line breaks into the terminal.
 */
import type { Finding } from '../model/finding.js';
import type { Severity } from '../model/types.js';
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
  plural,
  SEVERITY_ORDER,
  singleLine,
  sortedErrors,
  sortedFindings,
} from './common.js';
import type { FormatContext } from './context.js';

/** Where located findings of no file (cluster objects) are grouped. */
export const CLUSTER_GROUP = '(cluster objects)';

type Style = (s: string) => string;

interface Palette {
  severity: Record<Severity, Style>;
  bold: Style;
  dim: Style;
  underline: Style;
  green: Style;
  red: Style;
  yellow: Style;
}

const sgr = (open: number, close: number): Style => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
const identity: Style = (s) => s;

const COLOR: Palette = {
  severity: {
    critical: (s) => sgr(1, 22)(sgr(35, 39)(s)), // bold magenta
    high: sgr(31, 39), // red
    medium: sgr(33, 39), // yellow
    low: sgr(36, 39), // cyan
    info: sgr(90, 39), // grey
  },
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  underline: sgr(4, 24),
  green: sgr(32, 39),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
};

const PLAIN: Palette = {
  severity: { critical: identity, high: identity, medium: identity, low: identity, info: identity },
  bold: identity,
  dim: identity,
  underline: identity,
  green: identity,
  red: identity,
  yellow: identity,
};

const SEVERITY_WIDTH = Math.max(...SEVERITY_ORDER.map((s) => s.length));

export function formatStylish(result: ScanResult, ctx: FormatContext): string {
  const p = ctx.color ? COLOR : PLAIN;
  const out: string[] = [];
  renderFindings(activeFindings(result.findings), p, out);
  renderErrors(result, p, out);
  renderSummary(result, p, out);
  return `${out.join('\n')}\n`;
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of sortedFindings(findings)) {
    const key = f.location?.file ?? CLUSTER_GROUP;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}

function renderFindings(findings: readonly Finding[], p: Palette, out: string[]): void {
  for (const [file, group] of groupByFile(findings)) {
    out.push(p.underline(singleLine(file)));
    const locations = group.map((f) => singleLine(displayLocation(f)));
    const width = Math.max(...locations.map((l) => l.length));
    group.forEach((f, i) => {
      const where = (locations[i] ?? '').padEnd(width);
      const severity = p.severity[f.severity](f.severity.padEnd(SEVERITY_WIDTH));
      // Located findings name their resource too: one file often holds many documents.
      const subject = f.location ? `  ${p.dim(singleLine(refKey(f.resource)))}` : '';
      const template = f.template !== undefined ? `  ${p.dim(`(template ${singleLine(f.template)})`)}` : '';
      out.push(`  ${where}  ${severity}  ${singleLine(f.message)}${subject}${template}  ${p.dim(singleLine(f.control))}`);
    });
    out.push('');
  }
}

function renderErrors(result: ScanResult, p: Palette, out: string[]): void {
  if (result.errors.length === 0) return;
  out.push(p.bold(p.red(`Input errors (${result.errors.length})`)));
  for (const e of sortedErrors(result.errors)) {
    out.push(`  ${singleLine(errorLocation(e))}  ${p.red('error')}  ${singleLine(e.message)}  ${p.dim(e.code)}`);
  }
  out.push('');
}

function renderSummary(result: ScanResult, p: Palette, out: string[]): void {
  const s = result.summary;
  const active = s.findings.total;
  const headline =
    active === 0 ? p.green('No findings') : p.bold(`${plural(active, 'finding')}`);
  const bySeverity = SEVERITY_ORDER.filter((sev) => s.findings.bySeverity[sev] > 0)
    .map((sev) => p.severity[sev](`${s.findings.bySeverity[sev]} ${sev}`))
    .join(', ');
  out.push(`${headline}${bySeverity ? ` (${bySeverity})` : ''}`);

  const byFramework = FRAMEWORK_ORDER.map((fw) => `${FRAMEWORK_LABELS[fw]} ${s.findings.byFramework[fw]}`).join(', ');
  out.push(`  by framework: ${byFramework}`);

  if (s.suppressed.total > 0) {
    const k = s.suppressed.byKind;
    out.push(`  suppressed: ${s.suppressed.total} (annotation ${k.annotation}, exception ${k.exception}, baseline ${k.baseline})`);
  }
  out.push(`  files: ${accounting(s.files)}`);
  out.push(`  documents: ${accounting(s.documents)}; resources: ${s.resources}`);
  renderSkipped(result, p, out);
  if (result.errors.length > 0) out.push(p.red(`  input errors: ${result.errors.length}`));

  for (const u of s.unusedExceptions) {
    out.push(p.yellow(`  unused exception: ${singleLine(`${u.file}#${u.index}`)} (${singleLine(u.control)}): ${singleLine(u.reason)}`));
  }
  for (const e of s.expiredExceptions) {
    out.push(p.yellow(`  expired exception: ${singleLine(`${e.file}#${e.index}`)} (${singleLine(e.control)}) expired ${singleLine(e.expires)}; it no longer suppresses`));
  }
  for (const g of s.coverageGaps) {
    const scope = g.namespace !== undefined ? `${g.kind} in ${g.namespace}` : g.kind;
    out.push(p.yellow(`  not covered: ${singleLine(scope)}: ${singleLine(g.reason)}`));
  }
  renderCompliance(result, p, out);
  out.push(s.failed ? p.red(`Failed: findings at or above ${s.failOn}.`) : `Passed (fail-on: ${s.failOn}).`);
}

function accounting(c: { total: number; scanned: number; skipped: number; failed: number }): string {
  return `${c.total} total, ${c.scanned} scanned, ${c.skipped} skipped, ${c.failed} failed`;
}

/** Skipped files and documents with their reasons: nothing is dropped silently. */
function renderSkipped(result: ScanResult, p: Palette, out: string[]): void {
  for (const f of result.files) {
    if (f.status !== 'scanned') {
      out.push(p.dim(`    ${f.status}: ${singleLine(f.file)}${f.reason !== undefined ? ` (${singleLine(f.reason)})` : ''}`));
    }
    for (const d of f.skipped) {
      out.push(p.dim(`    skipped: ${singleLine(`${f.file}:${d.line}`)} document ${d.documentIndex + 1}: ${singleLine(d.reason)}`));
    }
  }
}

const STATUS_LABEL = { passed: 'pass', failed: 'FAIL', manual: 'manual', 'not-applicable': 'n/a' } as const;

/**
 * One score line per framework after a full scan (the tables would bury the findings); the whole
 * table when the run is limited to one framework (`--framework`), as auditors read it.
 */
function renderCompliance(result: ScanResult, p: Palette, out: string[]): void {
  const frameworks = result.summary.compliance;
  if (frameworks.length > 1) {
    out.push('');
    out.push(p.bold('Compliance'));
    const width = Math.max(...frameworks.map((fw) => singleLine(`${fw.title} ${fw.version}`).length));
    for (const fw of frameworks) {
      const n = (st: string): number => fw.items.filter((i) => i.status === st).length;
      out.push(`  ${singleLine(`${fw.title} ${fw.version}`).padEnd(width)}  ${formatScore(fw.score).padStart(6)}  ${n('passed')} passed, ${n('failed')} failed, ${n('manual')} manual, ${n('not-applicable')} n/a`);
    }
    out.push(p.dim(`  per-item tables: --framework ${frameworks.map((fw) => fw.framework).join('|')}`));
    out.push('');
    return;
  }
  for (const fw of frameworks) {
    out.push('');
    out.push(p.bold(`${singleLine(fw.title)} ${singleLine(fw.version)}: score ${formatScore(fw.score)}`));
    const ids = fw.items.map((i) => singleLine(i.id));
    const idWidth = Math.max(2, ...ids.map((i) => i.length));
    const statusWidth = Math.max(...Object.values(STATUS_LABEL).map((s) => s.length));
    fw.items.forEach((item, i) => {
      const label = STATUS_LABEL[item.status].padEnd(statusWidth);
      const status =
        item.status === 'failed' ? p.red(label) : item.status === 'passed' ? p.green(label) : p.dim(label);
      const reason = complianceDetail(item).reason;
      const count =
        item.status === 'failed' ? `  ${plural(item.findings, 'finding')}` : reason !== undefined ? `  ${p.dim(`(${singleLine(reason)})`)}` : '';
      out.push(`  ${(ids[i] ?? '').padEnd(idWidth)}  ${status}  ${singleLine(item.title)}${count}`);
    });
  }
  if (result.summary.compliance.length > 0) out.push('');
}
