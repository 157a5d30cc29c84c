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

/** A container as the checks see it. The pointer is built only when a finding needs it. */
export class PodContainer {
  /** Container name, `''` when missing (as upstream would print it). */
  readonly name: string;
  /** `securityContext`, or undefined when absent/null. */
  readonly sc: Rec | undefined;
  constructor(
    readonly raw: Rec,
    private readonly list: ContainerList,
    private readonly index: number,
  ) {
    this.name = str(raw['name']);
    this.sc = rec(raw['securityContext']);
  }
  /** Pointer of the container relative to the pod, e.g. `/spec/initContainers/0`. */
  get path(): JsonPointer {
    return `/spec/${this.list}/${this.index}`;
  }
  /** Not an ephemeral container (the API server's hostNetwork port defaulting skips those). */
  get defaultsPorts(): boolean {
    return this.list !== 'ephemeralContainers';
  }
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
type ContainerList = (typeof CONTAINER_LISTS)[number];

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
      containers.push(new PodContainer(raw, list, i));
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
