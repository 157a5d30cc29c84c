/** The context every formatter receives, and the control metadata reports need. */
import type { ControlMeta } from '../engines/controls/types.js';
import type { Finding, FrameworkRefs } from '../model/finding.js';
import type { Severity } from '../model/types.js';
import { normalizedFrameworks } from './common.js';

/** What reports need to know about a control (SARIF rules and help, HTML, JUnit suites). */
export interface ReportControlMeta {
  id: string;
  title: string;
  severity: Severity;
  rationale: string;
  remediation: string;
  frameworks: FrameworkRefs;
  helpUri: string;
}

export interface FormatContext {
  /** ANSI colours in `stylish` (the CLI sets it: stdout is a TTY and `NO_COLOR` is unset). */
  color: boolean;
  /** Absolute working directory: the `%SRCROOT%` base of SARIF URIs. */
  cwd: string;
  /** Controls that took part in the run, by ID. */
  controls: ReadonlyMap<string, ReportControlMeta>;
}

/** Control documentation lives at `<HELP_URI_BASE><id>` (documented in docs/json-report.md). */
export const HELP_URI_BASE = 'https://rampart.dev/controls/';

export function helpUriFor(controlId: string): string {
  return `${HELP_URI_BASE}${encodeURIComponent(controlId)}`;
}

export function toReportControlMeta(meta: ControlMeta): ReportControlMeta {
  return {
    id: meta.id,
    title: meta.title,
    severity: meta.severity,
    rationale: meta.rationale,
    remediation: meta.remediation,
    frameworks: normalizedFrameworks(meta.frameworks),
    helpUri: helpUriFor(meta.id),
  };
}

/** The `FormatContext.controls` map from the controls of a run. */
export function reportControls(metas: Iterable<ControlMeta>): Map<string, ReportControlMeta> {
  const map = new Map<string, ReportControlMeta>();
  for (const meta of metas) map.set(meta.id, toReportControlMeta(meta));
  return map;
}

/**
 * Metadata for a control, falling back to what the finding itself carries when the control is
 * not in the context (e.g. a finding from another engine): reports never drop a finding.
 */
export function controlMetaFor(ctx: FormatContext, finding: Finding): ReportControlMeta {
  const known = ctx.controls.get(finding.control);
  if (known) return known;
  return {
    id: finding.control,
    title: finding.control,
    severity: finding.severity,
    rationale: '',
    remediation: finding.remediation,
    frameworks: normalizedFrameworks(finding.frameworks),
    helpUri: helpUriFor(finding.control),
  };
}
