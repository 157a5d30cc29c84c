/**
 * JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure DevOps, ...).
 *
 * Shape (documented in docs/json-report.md):
 * - one `<testsuite>` per control, named by control ID, for every control in the run plus any a
 *   finding names; controls are sorted by ID;
 * - one failing `<testcase>` per unsuppressed finding (`<failure type="<severity>">`), one skipped
 *   `<testcase>` per suppressed finding (the reason in `<skipped message>`), and, for a control
 *   without findings, one passing `<testcase name="no findings">`;
 * - a final `rampart.input` suite with one errored `<testcase>` per input error.
 * No timestamps or durations: output is deterministic (`time="0"` keeps strict consumers happy).
 */
import type { Finding, InputError } from '../model/finding.js';
import { refKey } from '../model/types.js';
import type { ScanResult } from '../scan/types.js';
import { compareStrings, displayLocation, errorLocation, FRAMEWORK_LABELS, FRAMEWORK_ORDER, singleLine, sortedErrors, sortedFindings } from './common.js';
import { controlMetaFor } from './context.js';
import type { FormatContext, ReportControlMeta } from './context.js';
import { escapeXml, escapeXmlAttr as x } from './xml.js';

export const INPUT_SUITE = 'rampart.input';

interface Suite {
  name: string;
  title: string;
  cases: string[];
  failures: number;
  errors: number;
  skipped: number;
}

export function formatJunit(result: ScanResult, ctx: FormatContext): string {
  const byControl = new Map<string, Finding[]>();
  for (const id of ctx.controls.keys()) byControl.set(id, []);
  for (const f of sortedFindings(result.findings)) {
    const list = byControl.get(f.control);
    if (list) list.push(f);
    else byControl.set(f.control, [f]);
  }
  const suites: Suite[] = [];
  for (const id of [...byControl.keys()].sort(compareStrings)) {
    const findings = byControl.get(id) ?? [];
    const meta = ctx.controls.get(id) ?? (findings[0] ? controlMetaFor(ctx, findings[0]) : undefined);
    if (meta) suites.push(controlSuite(meta, findings));
  }
  if (result.errors.length > 0) suites.push(inputSuite(result.errors));

  const total = (k: 'failures' | 'errors' | 'skipped'): number => suites.reduce((n, s) => n + s[k], 0);
  const tests = suites.reduce((n, s) => n + s.cases.length, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(result.tool.name)}" tests="${tests}" failures="${total('failures')}" errors="${total('errors')}" skipped="${total('skipped')}" time="0">`,
  ];
  for (const s of suites) {
    lines.push(
      `  <testsuite name="${x(s.name)}" tests="${s.cases.length}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}" time="0">`,
    );
    lines.push(`    <properties><property name="title" value="${x(s.title)}"/></properties>`);
    lines.push(...s.cases);
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function caseName(f: Finding): string {
  const where = displayLocation(f);
  const subject = f.location ? ` ${refKey(f.resource)}` : '';
  return `${where}${subject} ${f.path}`;
}

function details(f: Finding, meta: ReportControlMeta): string {
  const lines = [
    `${f.severity}: ${f.message}`,
    `resource: ${refKey(f.resource)} (${f.resource.apiVersion})`,
  ];
  if (f.container !== undefined) lines.push(`container: ${f.container}`);
  lines.push(`path: ${f.path}`);
  if (f.location) lines.push(`location: ${f.location.file}:${f.location.line}:${f.location.column}`);
  if (f.template !== undefined) lines.push(`template: ${f.template}`);
  for (const fw of FRAMEWORK_ORDER) {
    if (f.frameworks[fw].length > 0) lines.push(`${FRAMEWORK_LABELS[fw]}: ${f.frameworks[fw].join(', ')}`);
  }
  lines.push(`remediation: ${f.remediation}`);
  lines.push(`help: ${meta.helpUri}`);
  lines.push(`fingerprint: ${f.fingerprint}`);
  return lines.join('\n');
}

function controlSuite(meta: ReportControlMeta, findings: readonly Finding[]): Suite {
  const suite: Suite = { name: meta.id, title: meta.title, cases: [], failures: 0, errors: 0, skipped: 0 };
  const fileAttr = (f: Finding): string => (f.location ? ` file="${x(f.location.file)}" line="${f.location.line}"` : '');
  for (const f of findings) {
    const open = `    <testcase classname="${x(meta.id)}" name="${x(singleLine(caseName(f)))}"${fileAttr(f)} time="0">`;
    let body: string;
    if (f.suppressed) {
      suite.skipped++;
      body = `      <skipped message="${x(singleLine(`suppressed (${f.suppressed.kind}): ${f.suppressed.reason}`))}"/>`;
    } else {
      suite.failures++;
      body = `      <failure message="${x(singleLine(f.message))}" type="${x(f.severity)}">${escapeXml(details(f, meta))}</failure>`;
    }
    suite.cases.push([open, body, '    </testcase>'].join('\n'));
  }
  if (findings.length === 0) {
    suite.cases.push(`    <testcase classname="${x(meta.id)}" name="no findings" time="0"/>`);
  }
  return suite;
}

function inputSuite(errors: readonly InputError[]): Suite {
  const cases = sortedErrors(errors).map((e) =>
    [
      `    <testcase classname="${INPUT_SUITE}" name="${x(singleLine(errorLocation(e)))}"${e.file !== '' ? ` file="${x(e.file)}"` : ''}${e.line >= 1 ? ` line="${e.line}"` : ''} time="0">`,
      `      <error message="${x(singleLine(e.message))}" type="${x(e.code)}">${escapeXml(`${errorLocation(e)}: ${e.message} (${e.code})`)}</error>`,
      '    </testcase>',
    ].join('\n'),
  );
  return { name: INPUT_SUITE, title: 'Input errors', cases, failures: 0, errors: cases.length, skipped: 0 };
}
