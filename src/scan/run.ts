import { compareFindings } from '../model/finding-order.js';
import type { Finding, FrameworkName, InputError } from '../model/finding.js';
import { FRAMEWORK_NAMES } from '../model/finding.js';
import { Inventory } from '../model/inventory.js';
import type { Resource, ResourceRef, Severity } from '../model/types.js';
import { SEVERITIES, refKey, resourceRef, severityRank } from '../model/types.js';
import type { FileReport } from '../input/types.js';
import type { AnyControl } from '../engines/controls/types.js';
import type { ResolvedControl } from '../engines/controls/runner.js';
import { defaultParams, resourceOfRef, runControls } from '../engines/controls/runner.js';
import { computeCompliance, presentKindsOf } from '../engines/frameworks/index.js';
import type { RampartConfig } from '../config/config.js';
import { VERSION, TOOL_NAME } from '../version.js';
import { applySuppressions, validateAnnotations } from './suppress.js';
import type { CoverageGap, ScanResult, ScanSummary } from './types.js';
import { REPORT_SCHEMA_VERSION } from './types.js';

/** `high` by default: criticals and highs break the build; mediums and below are reported. */
export const DEFAULT_FAIL_ON: Severity = 'high';

export interface ScanInput {
  resources: Resource[];
  errors: InputError[];
  files: FileReport[];
  coverageGaps?: CoverageGap[];
}

export interface ScanOptions {
  controls: readonly AnyControl[];
  config: RampartConfig;
  failOn?: Severity;
  /** Limit the run to controls mapped to one framework. */
  framework?: FrameworkName;
  /** Fingerprints of a previous report: only new findings fail the run. */
  baseline?: ReadonlySet<string>;
  /** YYYY-MM-DD, for exception expiry (injectable for tests). */
  today?: string;
  /** For cluster input: a kubectl command showing an object, attached to findings without a file. */
  kubectlPointer?: (ref: ResourceRef) => string;
}

/** Resolve which controls run, with severities and parameters from config. */
export function selectControls(controls: readonly AnyControl[], config: RampartConfig, framework?: FrameworkName): ResolvedControl[] {
  const out: ResolvedControl[] = [];
  for (const control of controls) {
    const settings = config.controls[control.meta.id];
    const enabled = settings?.enabled ?? !control.meta.disabledByDefault;
    if (!enabled) continue;
    if (framework && (control.meta.frameworks[framework]?.length ?? 0) === 0) continue;
    const resolved: ResolvedControl = {
      control,
      params: { ...defaultParams(control), ...(settings?.params ?? {}) } as ResolvedControl['params'],
      severity: settings?.severity ?? control.meta.severity,
    };
    if (settings?.severity) resolved.severityOverride = settings.severity;
    out.push(resolved);
  }
  return out;
}

function countFiles(files: readonly FileReport[]): ScanSummary['files'] & { docs: ScanSummary['documents'] } {
  const c = { total: files.length, scanned: 0, skipped: 0, failed: 0, docs: { total: 0, scanned: 0, skipped: 0, failed: 0 } };
  for (const f of files) {
    c[f.status]++;
    c.docs.total += f.documents;
    c.docs.skipped += f.skipped.length;
    c.docs.failed += f.failedDocuments;
  }
  c.docs.scanned = c.docs.total - c.docs.skipped - c.docs.failed;
  return c;
}

export function runScan(input: ScanInput, options: ScanOptions): ScanResult {
  const { resources } = input;
  const inventory = new Inventory(resources);
  const selected = selectControls(options.controls, options.config, options.framework);
  const errors: InputError[] = [...input.errors];
  const findings: Finding[] = runControls(resources, inventory, selected, (failure) => {
    const loc = failure.resource.source.locate('');
    errors.push({
      file: loc?.file ?? refKey(resourceRef(failure.resource.object)),
      line: loc?.line ?? 0,
      column: loc?.column ?? 0,
      message: `control ${failure.control} could not evaluate this object: ${failure.error.message}`,
      code: 'unreadable',
    });
  });

  const knownControls = new Set(options.controls.map((c) => c.meta.id));
  errors.push(...validateAnnotations(resources, knownControls));
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const outcome = applySuppressions({
    findings,
    // Every finding here comes from the runner, which knows the resource behind each reference.
    resourceOf: (f) => resourceOfRef(f.resource),
    knownControls,
    exceptions: options.config.exceptions,
    ...(options.baseline ? { baseline: options.baseline } : {}),
    today,
  });

  if (options.kubectlPointer) for (const f of findings) if (!f.location) f.kubectl = options.kubectlPointer(f.resource);
  // The reports' own order: formatters then only verify it instead of sorting again.
  findings.sort(compareFindings);
  const failOn = options.failOn ?? options.config.failOn ?? DEFAULT_FAIL_ON;
  const active = findings.filter((f) => !f.suppressed);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byFramework = Object.fromEntries(FRAMEWORK_NAMES.map((n) => [n, 0])) as Record<FrameworkName, number>;
  for (const f of active) {
    bySeverity[f.severity]++;
    for (const n of FRAMEWORK_NAMES) if (f.frameworks[n].length > 0) byFramework[n]++;
  }
  const suppressedByKind = { annotation: 0, exception: 0, baseline: 0 };
  for (const f of findings) if (f.suppressed) suppressedByKind[f.suppressed.kind]++;

  // Control-plane components count as present only when their static pod is in the input.
  const presentKinds = presentKindsOf(resources.map((r) => r.object));
  const ran = selected.map((s) => s.control.meta);
  const frameworks = options.framework ? [options.framework] : FRAMEWORK_NAMES;
  const compliance = frameworks.map((fw) => computeCompliance(fw, { controls: ran, findings, presentKinds }));

  const counts = countFiles(input.files);
  const failed = active.some((f) => severityRank(f.severity) >= severityRank(failOn));
  const summary: ScanSummary = {
    files: { total: counts.total, scanned: counts.scanned, skipped: counts.skipped, failed: counts.failed },
    documents: counts.docs,
    resources: resources.length,
    findings: { total: active.length, bySeverity, byFramework },
    suppressed: { total: findings.length - active.length, byKind: suppressedByKind },
    unusedExceptions: outcome.unused.map((e) => ({ file: e.file, index: e.index, control: e.control, reason: e.reason })),
    expiredExceptions: outcome.expired.map((e) => ({ file: e.file, index: e.index, control: e.control, expires: e.expires ?? '' })),
    compliance,
    coverageGaps: input.coverageGaps ?? [],
    failOn,
    failed,
  };
  return { schemaVersion: REPORT_SCHEMA_VERSION, tool: { name: TOOL_NAME, version: VERSION }, findings, errors, files: input.files, summary };
}

/** Exit code of a scan: 1 for failing findings or any input error; 0 otherwise. */
export function exitCodeOf(result: ScanResult): 0 | 1 {
  return result.summary.failed || result.errors.length > 0 ? 1 : 0;
}
