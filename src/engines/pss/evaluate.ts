/**
 * Evaluate a pod (or a workload's pod template) against a Pod Security level and version, with
 * upstream's result and wording.
 */
import type { JsonPointer, K8sObject } from '../../model/types.js';
import { podTemplateOf } from '../../model/workloads.js';
import type { PodLike, PodView } from './pod.js';
import { podView } from './pod.js';
import { formatLevelVersion } from './levels.js';
import { checksFor } from './registry.js';
import type { EvaluationResult, LevelVersion, Violation } from './types.js';

export interface EvaluateOptions {
  /**
   * The object is a bare Pod as submitted to the API server (default true for evaluatePod): apply the
   * API-server defaulting PSA sees (hostNetwork copies containerPort into an unset hostPort).
   */
  barePod?: boolean;
}

/** Upstream's AggregateCheckResult.ForbiddenDetail(): `reason (detail)` joined by `, `. */
export function joinViolations(violations: readonly Pick<Violation, 'reason' | 'detail'>[]): string {
  let out = '';
  for (let i = 0; i < violations.length; i++) {
    const v = violations[i]!;
    if (i > 0) out += ', ';
    out += v.detail === '' ? v.reason : `${v.reason} (${v.detail})`;
  }
  return out;
}

export function evaluateView(view: PodView, lv: LevelVersion): EvaluationResult {
  const violations: Violation[] = [];
  for (const check of checksFor(lv)) {
    const failure = check.run(view);
    if (failure) violations.push({ check: check.id, reason: failure.reason, detail: failure.detail, paths: failure.paths });
  }
  return { allowed: violations.length === 0, violations, message: joinViolations(violations) };
}

/** Evaluate a pod-like `{ metadata, spec }`. */
export function evaluatePod(pod: PodLike, lv: LevelVersion, options: EvaluateOptions = {}): EvaluationResult {
  return evaluateView(podView(pod, options.barePod ?? true), lv);
}

export interface ResourceEvaluation extends EvaluationResult {
  /** Pointer of the pod spec within the object (e.g. `/spec/template/spec`). */
  specPath: JsonPointer;
  /** Pointer of the pod metadata within the object. */
  metadataPath: JsonPointer;
}

/**
 * Map a pod-relative pointer (`/spec/...`, `/metadata/...`) into the object that holds the pod
 * (e.g. `/spec/template/spec/...` in a Deployment).
 */
export function toObjectPointer(pointer: JsonPointer, specPath: JsonPointer, metadataPath: JsonPointer): JsonPointer {
  if (pointer === '/spec' || pointer.startsWith('/spec/')) return specPath + pointer.slice('/spec'.length);
  if (pointer === '/metadata' || pointer.startsWith('/metadata/')) return metadataPath + pointer.slice('/metadata'.length);
  return pointer;
}

/**
 * Evaluate the pod or pod template of any workload kind, as PSA does for Pods (enforce) and for
 * controllers (warn/audit). Undefined for kinds that hold no pod. Violation paths are rewritten to
 * point into the object.
 */
export function evaluateResource(obj: K8sObject, lv: LevelVersion): ResourceEvaluation | undefined {
  // One object meets Pod Security several times (the standard control, then each namespace mode;
  // in admission all per request): evaluate each level and version once. Results are shared, so
  // callers treat them as read-only; objects are never mutated (a patched object is a new one).
  let byPolicy = memo.get(obj);
  if (!byPolicy) memo.set(obj, (byPolicy = new Map()));
  const key = formatLevelVersion(lv);
  if (byPolicy.has(key)) return byPolicy.get(key);
  const result = evaluateUncached(obj, lv);
  byPolicy.set(key, result);
  return result;
}

const memo = new WeakMap<K8sObject, Map<string, ResourceEvaluation | undefined>>();

function evaluateUncached(obj: K8sObject, lv: LevelVersion): ResourceEvaluation | undefined {
  const template = podTemplateOf(obj);
  if (!template) return undefined;
  const view = podView({ metadata: { annotations: template.annotations }, spec: template.spec }, obj.kind === 'Pod');
  const result = evaluateView(view, lv);
  for (const v of result.violations) v.paths = v.paths.map((p) => toObjectPointer(p, template.specPath, template.metadataPath));
  return { ...result, specPath: template.specPath, metadataPath: template.metadataPath };
}
