/**
 * Pod Security Standards: the vocabulary shared by the evaluator, the namespace-label logic, the
 * recommender and the scan controls. Semantics follow k8s.io/pod-security-admission.
 */
import type { JsonPointer } from '../../model/types.js';

export const LEVELS = ['privileged', 'baseline', 'restricted'] as const;
export type Level = (typeof LEVELS)[number];

/** A policy version: `latest`, or `v1.<minor>` (PSA only knows major version 1). */
export type PolicyVersion = { readonly latest: true } | { readonly latest: false; readonly minor: number };

export interface LevelVersion {
  level: Level;
  version: PolicyVersion;
}

/** Check IDs exactly as upstream registers them (they are also the `pss` framework IDs). */
export const CHECK_IDS = [
  'allowPrivilegeEscalation',
  'appArmorProfile',
  'capabilities_baseline',
  'capabilities_restricted',
  'hostNamespaces',
  'hostPathVolumes',
  'hostPorts',
  'hostProbesAndHostLifecycle',
  'privileged',
  'procMount',
  'procMount_restricted',
  'restrictedVolumes',
  'runAsNonRoot',
  'runAsUser',
  'seLinuxOptions',
  'seccompProfile_baseline',
  'seccompProfile_restricted',
  'sysctls',
  'windowsHostProcess',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** One failed check, in upstream's words. */
export interface Violation {
  check: CheckId;
  /** Upstream `ForbiddenReason`, e.g. `allowPrivilegeEscalation != false`. */
  reason: string;
  /** Upstream `ForbiddenDetail`, e.g. `container "app" must set securityContext.allowPrivilegeEscalation=false`. */
  detail: string;
  /**
   * Pointers (relative to the pod: `/spec/...`, `/metadata/annotations/...`) of the offending values,
   * or of the container/pod that lacks a required value. Never empty.
   */
  paths: JsonPointer[];
}

export interface EvaluationResult {
  allowed: boolean;
  violations: Violation[];
  /** Upstream's aggregate `ForbiddenDetail()`: `reason (detail), reason (detail)`; empty when allowed. */
  message: string;
}

export type PssErrorCode = 'invalid-level' | 'invalid-version';

/** Bad level or version given by a user (CLI flag, control parameter). */
export class PssInputError extends Error {
  override readonly name = 'PssInputError';
  constructor(
    readonly code: PssErrorCode,
    message: string,
  ) {
    super(message);
  }
}
