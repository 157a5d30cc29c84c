/**
 * SARIF 2.1.0 (OASIS), shaped for GitHub code scanning and validated by Microsoft's SARIF
 * Multitool in tests. Deterministic: no timestamps, GUIDs or machine paths other than `ctx.cwd`
 * (the `%SRCROOT%` base).
 *
 * Choices:
 * - `tool.driver.rules` lists every control in the run (`ctx.controls`, by ID), plus any control a
 *   finding names that the context lacks, so a clean run still says what was checked.
 * - Levels: critical/high -> error, medium -> warning, low/info -> note. `security-severity`
 *   (GitHub's convention, a string): critical 9.5, high 8.0, medium 5.5, low 3.0, info 1.0.
 * - Paths under `ctx.cwd` become relative URIs against `%SRCROOT%`; paths outside it become
 *   absolute `file:` URIs; stdin has no URI (its location carries a description instead).
 * - Cluster findings (no file) carry only a logical location `Kind/namespace/name`.
 * - Suppressions: annotations are `inSource`, exceptions and baseline `external`.
 * - Input errors are error notifications of `invocations[0]`; skipped documents and coverage
 *   gaps are warning notifications; `executionSuccessful` is false when any input error occurred.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, InputError } from '../model/finding.js';
import type { Severity, SourceLocation } from '../model/types.js';
import { refKey } from '../model/types.js';
import type { ScanResult } from '../scan/types.js';
import { compactJsonLines, compareStrings, FRAMEWORK_LABELS, FRAMEWORK_ORDER, frameworkTags, sortedErrors, sortedFindings, splitOnce } from './common.js';
import { controlMetaFor } from './context.js';
import type { FormatContext, ReportControlMeta } from './context.js';
import { INFORMATION_URI } from '../version.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'rampart/v1';
const STDIN = '<stdin>';

export const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

type Json = Record<string, unknown>;

/**
 * Indented, but one compact line per result, produced as a stream of chunks: a large scan never
 * holds its whole log in memory at once.
 */
export function* sarifChunks(result: ScanResult, ctx: FormatContext): Generator<string> {
  const { log, findings, index, uris } = sarifFrame(result, ctx);
  // Placeholders cannot occur in real output: JSON.stringify escapes NUL in every string.
  const run = (log['runs'] as Json[])[0]!;
  const pretty = JSON.stringify({ ...log, runs: [{ ...run, results: '\u0000results' }] }, null, 2);
  const [head, tail] = splitOnce(pretty, '"\\u0000results"');
  yield head;
  yield* compactJsonLines(findings, (f) => sarifResult(f, index.get(f.control) ?? 0, uris), 6);
  yield `${tail}\n`;
}

/** The whole log as one string (tests, small outputs). */
export function formatSarif(result: ScanResult, ctx: FormatContext): string {
  return [...sarifChunks(result, ctx)].join('');
}

export function sarifLog(result: ScanResult, ctx: FormatContext): Json {
  const { log, findings, index, uris } = sarifFrame(result, ctx);
  const run = (log['runs'] as Json[])[0]!;
  run['results'] = findings.map((f) => sarifResult(f, index.get(f.control) ?? 0, uris));
  return log;
}

/** The log with an empty `results`, and what is needed to produce each result. */
function sarifFrame(result: ScanResult, ctx: FormatContext): { log: Json; findings: Finding[]; index: Map<string, number>; uris: UriMapper } {
  const findings = sortedFindings(result.findings);
  const rules = ruleTable(findings, ctx);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const uris = new UriMapper(ctx.cwd);
  const log: Json = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(sarifRule),
          },
        },
        invocations: [invocation(result, uris)],
        originalUriBaseIds: { [SRCROOT]: { uri: uris.baseUri } },
        results: [],
        columnKind: 'utf16CodeUnits',
        properties: { schemaVersion: result.schemaVersion },
      },
    ],
  };
  return { log, findings, index, uris };
}

function ruleTable(findings: readonly Finding[], ctx: FormatContext): ReportControlMeta[] {
  const rules = new Map<string, ReportControlMeta>(ctx.controls);
  for (const f of findings) if (!rules.has(f.control)) rules.set(f.control, controlMetaFor(ctx, f));
  return [...rules.values()].sort((a, b) => compareStrings(a.id, b.id));
}

/** `privileged-container` -> `PrivilegedContainer` (SARIF recommends a readable PascalCase name). */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/**
 * Plain-text SARIF message: a sentence (Multitool SARIF2001 wants a final period), with literal
 * square brackets escaped so viewers cannot read `[text](target)` in a resource name as an
 * embedded link (SARIF 2.1.0 §3.11.6).
 */
function sentence(text: string): string {
  const t = text.trim().replace(/[[\]]/g, (c) => `\\${c}`);
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
}

function sarifRule(rule: ReportControlMeta): Json {
  const frameworkLines = FRAMEWORK_ORDER.filter((fw) => rule.frameworks[fw].length > 0).map(
    (fw) => `${FRAMEWORK_LABELS[fw]}: ${rule.frameworks[fw].join(', ')}`,
  );
  const text = [rule.rationale, `Remediation: ${rule.remediation}`, ...frameworkLines].filter((l) => l.trim() !== '').join('\n');
  const markdown = [
    `**${escapeMarkdown(rule.title)}** (\`${rule.id}\`, ${rule.severity})`,
    rule.rationale ? escapeMarkdown(rule.rationale) : '',
    `**Remediation:** ${escapeMarkdown(rule.remediation)}`,
    frameworkLines.length > 0 ? `**Frameworks:** ${escapeMarkdown(frameworkLines.join('; '))}` : '',
    `[Documentation](${rule.helpUri})`,
  ]
    .filter((l) => l !== '')
    .join('\n\n');
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: sentence(rule.title) },
    fullDescription: { text: sentence(rule.rationale || rule.title) },
    help: { text, markdown },
    helpUri: rule.helpUri,
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'high',
      severity: rule.severity,
      tags: ['security', 'kubernetes', ...frameworkTags(rule.frameworks)],
    },
  };
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

function sarifResult(f: Finding, ruleIndex: number, uris: UriMapper): Json {
  const logical = { fullyQualifiedName: refKey(f.resource), kind: 'resource' };
  const location: Json = f.location
    ? { physicalLocation: physicalLocation(f.location, uris), logicalLocations: [logical] }
    : { logicalLocations: [logical] };
  const properties: Json = {
    severity: f.severity,
    resource: {
      apiVersion: f.resource.apiVersion,
      kind: f.resource.kind,
      namespace: f.resource.namespace ?? null,
      name: f.resource.name,
    },
    path: f.path,
  };
  if (f.container !== undefined) properties['container'] = f.container;
  if (f.template !== undefined) properties['template'] = f.template;
  properties['frameworks'] = {
    cis: [...f.frameworks.cis],
    nsa: [...f.frameworks.nsa],
    pss: [...f.frameworks.pss],
    mitre: [...f.frameworks.mitre],
  };
  properties['remediation'] = f.remediation;
  const out: Json = {
    ruleId: f.control,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text: sentence(f.message) },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
  };
  if (f.suppressed !== undefined) {
    const suppression: Json = {
      kind: f.suppressed.kind === 'annotation' ? 'inSource' : 'external',
      status: 'accepted',
      justification: f.suppressed.reason,
    };
    const props: Json = { rampartKind: f.suppressed.kind };
    if (f.suppressed.source !== undefined) props['source'] = f.suppressed.source;
    suppression['properties'] = props;
    out['suppressions'] = [suppression];
  }
  out['properties'] = properties;
  return out;
}

function region(loc: { line: number; column: number; endLine?: number; endColumn?: number }): Json {
  const r: Json = { startLine: Math.max(1, loc.line), startColumn: Math.max(1, loc.column) };
  // Only a well-formed end (not before the start) is emitted; SARIF end columns are exclusive.
  if (loc.endLine !== undefined && loc.endColumn !== undefined) {
    const endOk = loc.endLine > loc.line || (loc.endLine === loc.line && loc.endColumn >= loc.column);
    if (endOk) {
      r['endLine'] = loc.endLine;
      r['endColumn'] = Math.max(1, loc.endColumn);
    }
  }
  return r;
}

function physicalLocation(loc: SourceLocation, uris: UriMapper): Json {
  return { artifactLocation: uris.artifactLocation(loc.file), region: region(loc) };
}

function invocation(result: ScanResult, uris: UriMapper): Json {
  const notifications: Json[] = [];
  for (const e of sortedErrors(result.errors)) notifications.push(errorNotification(e, uris));
  for (const f of result.files) {
    for (const d of f.skipped) {
      notifications.push({
        descriptor: { id: 'skipped-document' },
        level: 'warning',
        message: { text: sentence(`Document ${d.documentIndex + 1} skipped: ${d.reason}`) },
        locations: [{ physicalLocation: { artifactLocation: uris.artifactLocation(f.file), region: region({ line: d.line, column: 1 }) } }],
      });
    }
  }
  for (const g of result.summary.coverageGaps) {
    const scope = g.namespace !== undefined ? `${g.kind} in namespace ${g.namespace}` : g.kind;
    notifications.push({
      descriptor: { id: 'coverage-gap' },
      level: 'warning',
      message: { text: sentence(`Not covered: ${scope}: ${g.reason}`) },
    });
  }
  return { executionSuccessful: result.errors.length === 0, toolExecutionNotifications: notifications };
}

function errorNotification(e: InputError, uris: UriMapper): Json {
  const n: Json = {
    descriptor: { id: e.code },
    level: 'error',
    message: { text: sentence(e.message) },
  };
  if (e.file !== '') {
    // Errors before any position is known (e.g. a missing file) carry no region.
    const physical: Json = { artifactLocation: uris.artifactLocation(e.file) };
    if (e.line >= 1) physical['region'] = region({ line: e.line, column: e.column });
    n['locations'] = [{ physicalLocation: physical }];
  }
  return n;
}

/** Maps report paths (as given on the command line) to SARIF artifact locations. */
class UriMapper {
  readonly baseUri: string;
  private readonly cwd: string;
  private readonly cache = new Map<string, Json>();

  constructor(cwd: string) {
    this.cwd = cwd;
    const href = pathToFileURL(cwd).href;
    this.baseUri = href.endsWith('/') ? href : `${href}/`;
  }

  artifactLocation(file: string): Json {
    const cached = this.cache.get(file);
    if (cached) return { ...cached };
    const loc = this.compute(file);
    this.cache.set(file, loc);
    return { ...loc };
  }

  private compute(file: string): Json {
    if (file === STDIN) return { description: { text: 'standard input' } };
    const absolute = isAbsolute(file) ? file : resolve(this.cwd, file);
    const rel = relative(this.cwd, absolute);
    const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
    if (rel !== '' && !outside) {
      const uri = rel.split(sep).map(encodeURIComponent).join('/');
      return { uri, uriBaseId: SRCROOT };
    }
    return { uri: pathToFileURL(absolute).href };
  }
}
