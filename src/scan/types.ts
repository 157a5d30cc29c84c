import type { Finding, FrameworkName, InputError } from '../model/finding.js';
import type { Severity } from '../model/types.js';
import type { FileReport } from '../input/types.js';

/** Version of the JSON report schema (docs/json-report.md). Bump on breaking change. */
export const REPORT_SCHEMA_VERSION = '1.0.0';

export type ComplianceStatus = 'passed' | 'failed' | 'manual' | 'not-applicable';

export interface ComplianceItem {
  id: string;
  title: string;
  status: ComplianceStatus;
  /** Controls that implement the item. */
  controls: string[];
  /** Unsuppressed findings against the item. */
  findings: number;
  /** Whether the framework marks the item as automatable. */
  automated?: boolean;
  /** Why an item is manual or not applicable, in words (e.g. "the input holds no Ingress"). */
  reason?: string;
  manualReason?: 'not-manifest-checkable' | 'manual-recommendation' | 'no-control';
}

export interface FrameworkCompliance {
  framework: FrameworkName;
  title: string;
  version: string;
  /** passed / (passed + failed), 0..100, one decimal; null when nothing was applicable. */
  score: number | null;
  items: ComplianceItem[];
}

/** A part of the input that could not be read (e.g. `could not list secrets in kube-system: forbidden`). */
export interface CoverageGap {
  kind: string;
  namespace?: string;
  reason: string;
}

export interface ScanSummary {
  files: { total: number; scanned: number; skipped: number; failed: number };
  documents: { total: number; scanned: number; skipped: number; failed: number };
  resources: number;
  findings: { total: number; bySeverity: Record<Severity, number>; byFramework: Record<FrameworkName, number> };
  suppressed: { total: number; byKind: { annotation: number; exception: number; baseline: number } };
  /** Exceptions that matched no finding, and expired exceptions (which no longer suppress). */
  unusedExceptions: { file: string; index: number; control: string; reason: string }[];
  expiredExceptions: { file: string; index: number; control: string; expires: string }[];
  compliance: FrameworkCompliance[];
  coverageGaps: CoverageGap[];
  failOn: Severity;
  /** True when the exit code is 1 because of findings at or above failOn (or new since baseline). */
  failed: boolean;
}

export interface ScanResult {
  schemaVersion: string;
  tool: { name: string; version: string };
  /** Unsuppressed and suppressed findings; suppressed ones carry `suppressed`. */
  findings: Finding[];
  errors: InputError[];
  files: FileReport[];
  summary: ScanSummary;
}
