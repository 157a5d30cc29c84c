/**
 * Shared helpers for controls that inspect pod specs: iteration over every workload container,
 * and JSON Patch builders that add a missing parent object instead of failing on it.
 */
import type { JsonPatchOp } from '../../../../model/finding.js';
import type { JsonPointer, K8sObject } from '../../../../model/types.js';
import { joinPointer } from '../../../../model/pointer.js';
import type { ContainerView, PodTemplateView } from '../../../../model/workloads.js';
import { containersOf, podTemplateOf } from '../../../../model/workloads.js';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export interface PodAndContainers {
  view: PodTemplateView;
  containers: ContainerView[];
}

/**
 * Views are computed once per object and shared by every control (some 40 read each pod).
 * Safe because controls never mutate their input; a patched object is a new object.
 */
const views = new WeakMap<K8sObject, PodAndContainers | null>();

/** The pod template and its containers, or undefined for non-workload kinds. */
export function podAndContainers(object: K8sObject): PodAndContainers | undefined {
  const cached = views.get(object);
  if (cached !== undefined) return cached ?? undefined;
  const view = podTemplateOf(object);
  const result = view ? { view, containers: containersOf(view) } : null;
  views.set(object, result);
  return result ?? undefined;
}

/**
 * Set `field` to `value` inside the object at `parentPath` (a securityContext, say), creating the
 * parent when it is missing. `parentExists` tells whether the parent object is present.
 */
export function setUnder(parentPath: JsonPointer, parentExists: boolean, field: string, value: unknown): JsonPatchOp[] {
  if (!parentExists) return [{ op: 'add', path: parentPath, value: { [field]: value } }];
  return [{ op: 'add', path: joinPointer(parentPath, field), value }];
}

/** Set a field of the container's own securityContext, adding the securityContext when absent. */
export function setContainerSecurityField(c: ContainerView, field: string, value: unknown): JsonPatchOp[] {
  return setUnder(joinPointer(c.path, 'securityContext'), isRecord(c.container.securityContext), field, value);
}

/** Set a field of the pod securityContext, adding the securityContext when absent. */
export function setPodSecurityField(view: PodTemplateView, field: string, value: unknown): JsonPatchOp[] {
  return setUnder(joinPointer(view.specPath, 'securityContext'), isRecord(view.spec.securityContext), field, value);
}

/**
 * Replace a whole array with a filtered copy, guarded by a `test` of its current content. Used
 * instead of index-based removals, which shift the remaining elements (and their findings).
 */
export function replaceArrayGuarded(path: JsonPointer, current: readonly unknown[], next: unknown[]): JsonPatchOp[] {
  return [
    { op: 'test', path, value: current },
    { op: 'replace', path, value: next },
  ];
}

/** Containers of the kinds that may carry resources (ephemeral containers may not). */
export function isEphemeral(c: ContainerView): boolean {
  return c.type === 'ephemeralContainers';
}

/** Render a list for messages: `a, b and c`. */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A normalised lookup set built once per parameter array (parameters are resolved once per run,
 * so their identity is stable), instead of once per checked object.
 */
const paramSets = new WeakMap<readonly string[], Set<string>>();
export function paramSet(values: readonly string[], normalize: (s: string) => string = (s) => s): Set<string> {
  let set = paramSets.get(values);
  if (!set) paramSets.set(values, (set = new Set(values.map(normalize))));
  return set;
}
