/**
 * A read-only view of a pod (or pod template) built once per evaluation, so every check walks the
 * same pre-resolved container list. Input is untrusted: every accessor tolerates wrong shapes and
 * treats them as unset, the way a typed Go decode would leave a nil pointer.
 */
import type { JsonPointer } from '../../model/types.js';

export type Rec = Record<string, unknown>;

export function isRec(v: unknown): v is Rec {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A nested object, or undefined (Go: nil pointer). */
export function rec(v: unknown): Rec | undefined {
  return isRec(v) ? v : undefined;
}

/** A string field, `''` when absent (Go: zero value). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export interface PodContainer {
  /** Container name, `''` when missing (as upstream would print it). */
  name: string;
  /** Pointer of the container relative to the pod, e.g. `/spec/initContainers/0`. */
  path: JsonPointer;
  raw: Rec;
  /** `securityContext`, or undefined when absent/null. */
  sc: Rec | undefined;
  /** Not an ephemeral container (the API server's hostNetwork port defaulting skips those). */
  defaultsPorts: boolean;
}

export interface PodView {
  annotations: Rec;
  spec: Rec;
  /** Pod-level `spec.securityContext`, or undefined. */
  podSC: Rec | undefined;
  /** init, regular, then ephemeral containers: upstream `visitContainers` order. */
  containers: PodContainer[];
  /**
   * A bare Pod (not a template): the API server copies `containerPort` into an unset `hostPort`
   * when `hostNetwork` is true, and PSA sees the defaulted object.
   */
  barePod: boolean;
}

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

export interface PodLike {
  metadata?: unknown;
  spec?: unknown;
}

export function podView(pod: PodLike, barePod: boolean): PodView {
  const spec = rec(pod.spec) ?? {};
  const containers: PodContainer[] = [];
  for (const list of CONTAINER_LISTS) {
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const raw = items[i];
      if (!isRec(raw)) continue;
      containers.push({ name: str(raw['name']), path: `/spec/${list}/${i}`, raw, sc: rec(raw['securityContext']), defaultsPorts: list !== 'ephemeralContainers' });
    }
  }
  return {
    annotations: rec(rec(pod.metadata)?.['annotations']) ?? {},
    spec,
    podSC: rec(spec['securityContext']),
    containers,
    barePod,
  };
}

/** `spec.hostUsers: false`: the pod runs in a user namespace (KEP-127). */
export function inUserNamespace(pod: PodView): boolean {
  return pod.spec['hostUsers'] === false;
}

export function isWindows(pod: PodView): boolean {
  return rec(pod.spec['os'])?.['name'] === 'windows';
}
