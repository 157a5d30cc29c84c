/**
 * The JSON report: a documented, versioned shape (docs/json-report.md, json-report.schema.json).
 * Every object is rebuilt field by field so key order is fixed and nothing a finding does not
 * declare (e.g. object contents) can leak into the report.
 */
import type { Finding, InputError, Suppression } from '../model/finding.js';
import type { SourceLocation } from '../model/types.js';
import type { FileReport } from '../input/types.js';
import type { ScanResult, ScanSummary } from '../scan/types.js';
import { compactJsonLines, complianceDetail, FRAMEWORK_ORDER, normalizedFrameworks, SEVERITY_ORDER, sortedErrors, sortedFindings, splitOnce } from './common.js';
import type { FormatContext } from './context.js';

/**
 * Pretty at the top level, one compact line per finding and per file: the report stays greppable
 * line by line, and it is produced as a stream of chunks, so a 100,000-resource scan never holds
 * its whole report (hundreds of MB) in memory at once.
 */
export function* jsonChunks(result: ScanResult, _ctx: FormatContext): Generator<string> {
  // Placeholders cannot occur in real output: JSON.stringify escapes NUL in every string.
  const frame = JSON.stringify(
    { ...jsonReportOf(result, [], []), findings: '\u0000findings', files: '\u0000files' },
    null,
    2,
  );
  const [head, rest] = splitOnce(frame, '"\\u0000findings"');
  const [middle, tail] = splitOnce(rest, '"\\u0000files"');
  yield head;
  yield* compactJsonLines(sortedFindings(result.findings), jsonFinding, 2);
  yield middle;
  yield* compactJsonLines(result.files, jsonFile, 2);
  yield `${tail}\n`;
}

/** The whole report as one string (tests, small outputs). */
export function formatJson(result: ScanResult, ctx: FormatContext): string {
  return [...jsonChunks(result, ctx)].join('');
}

/** The report as a plain value (also used by the HTML and tests). */
export function jsonReport(result: ScanResult): Record<string, unknown> {
  return jsonReportOf(result, sortedFindings(result.findings).map(jsonFinding), result.files.map(jsonFile));
}

function jsonReportOf(result: ScanResult, findings: unknown[], files: unknown[]): Record<string, unknown> {
  return {
    schemaVersion: result.schemaVersion,
    tool: { name: result.tool.name, version: result.tool.version },
    findings,
    errors: sortedErrors(result.errors).map(jsonError),
    files,
    summary: jsonSummary(result.summary),
  };
}

function jsonFinding(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {
    control: f.control,
    severity: f.severity,
    message: f.message,
    resource: {
      apiVersion: f.resource.apiVersion,
      kind: f.resource.kind,
      namespace: f.resource.namespace ?? null,
      name: f.resource.name,
    },
  };
  if (f.container !== undefined) out['container'] = f.container;
  out['path'] = f.path;
  out['location'] = f.location ? jsonLocation(f.location) : null;
  if (f.template !== undefined) out['template'] = f.template;
  if (f.kubectl !== undefined) out['kubectl'] = f.kubectl;
  out['frameworks'] = normalizedFrameworks(f.frameworks);
  out['remediation'] = f.remediation;
  out['fingerprint'] = f.fingerprint;
  if (f.fix !== undefined) out['fix'] = f.fix.map((op) => (op.op === 'remove' ? { op: op.op, path: op.path } : { op: op.op, path: op.path, value: op.value }));
  if (f.suppressed !== undefined) out['suppressed'] = jsonSuppression(f.suppressed);
  return out;
}

function jsonLocation(l: SourceLocation): Record<string, unknown> {
  return { file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn };
}

function jsonSuppression(s: Suppression): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: s.kind, reason: s.reason };
  if (s.source !== undefined) out['source'] = s.source;
  return out;
}

function jsonError(e: InputError): Record<string, unknown> {
  return { file: e.file, line: e.line, column: e.column, message: e.message, code: e.code };
}

function jsonFile(f: FileReport): Record<string, unknown> {
  const out: Record<string, unknown> = { file: f.file, status: f.status };
  if (f.reason !== undefined) out['reason'] = f.reason;
  out['documents'] = f.documents;
  out['resources'] = f.resources;
  out['skipped'] = f.skipped.map((s) => ({ documentIndex: s.documentIndex, line: s.line, reason: s.reason }));
  out['failedDocuments'] = f.failedDocuments;
  return out;
}

function counts(c: { total: number; scanned: number; skipped: number; failed: number }): Record<string, number> {
  return { total: c.total, scanned: c.scanned, skipped: c.skipped, failed: c.failed };
}

function jsonSummary(s: ScanSummary): Record<string, unknown> {
  const bySeverity: Record<string, number> = {};
  for (const sev of SEVERITY_ORDER) bySeverity[sev] = s.findings.bySeverity[sev] ?? 0;
  const byFramework: Record<string, number> = {};
  for (const fw of FRAMEWORK_ORDER) byFramework[fw] = s.findings.byFramework[fw] ?? 0;
  return {
    files: counts(s.files),
    documents: counts(s.documents),
    resources: s.resources,
    findings: { total: s.findings.total, bySeverity, byFramework },
    suppressed: {
      total: s.suppressed.total,
      byKind: {
        annotation: s.suppressed.byKind.annotation,
        exception: s.suppressed.byKind.exception,
        baseline: s.suppressed.byKind.baseline,
      },
    },
    unusedExceptions: s.unusedExceptions.map((u) => ({ file: u.file, index: u.index, control: u.control, reason: u.reason })),
    expiredExceptions: s.expiredExceptions.map((e) => ({ file: e.file, index: e.index, control: e.control, expires: e.expires })),
    compliance: s.compliance.map((c) => ({
      framework: c.framework,
      title: c.title,
      version: c.version,
      score: c.score,
      items: c.items.map((i) => ({ id: i.id, title: i.title, status: i.status, controls: [...i.controls], findings: i.findings, ...complianceDetail(i) })),
    })),
    coverageGaps: s.coverageGaps.map((g) => {
      const gap: Record<string, unknown> = { kind: g.kind };
      if (g.namespace !== undefined) gap['namespace'] = g.namespace;
      gap['reason'] = g.reason;
      return gap;
    }),
    failOn: s.failOn,
    failed: s.failed,
  };
}
