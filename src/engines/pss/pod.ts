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
    sc?: Rec,
  ) {
    this.name = str(raw['name']);
    this.sc = sc ?? rec(raw['securityContext']);
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

const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** The appArmorProfile field a deprecated AppArmor annotation value stands for, or undefined. */
export function appArmorFieldForAnnotation(value: unknown): Rec | undefined {
  if (value === 'unconfined') return { type: 'Unconfined' };
  if (value === 'runtime/default') return { type: 'RuntimeDefault' };
  if (typeof value === 'string' && value.startsWith('localhost/') && value.length > 'localhost/'.length) {
    return { type: 'Localhost', localhostProfile: value.slice('localhost/'.length) };
  }
  return undefined;
}

function sameProfile(a: Rec, b: Rec | undefined): boolean {
  return b !== undefined && str(a['type']) === str(b['type']) && (a['localhostProfile'] ?? null) === (b['localhostProfile'] ?? null);
}

/**
 * The API server's AppArmor version skew on pod create (before admission): a container with a
 * valid deprecated AppArmor annotation and no appArmorProfile of its own gets the annotation's
 * profile copied into its security context, unless it equals the pod-level profile. Windows pods
 * are left alone. PSA then sees both the annotation and the field.
 */
function appArmorSkew(raw: Rec, annotations: Rec, podProfile: Rec | undefined): Rec | undefined {
  const sc = rec(raw['securityContext']);
  if (sc?.['appArmorProfile'] !== undefined && sc['appArmorProfile'] !== null) return undefined;
  const key = APPARMOR_ANNOTATION_PREFIX + str(raw['name']);
  if (!Object.hasOwn(annotations, key)) return undefined;
  const field = appArmorFieldForAnnotation(annotations[key]);
  if (!field || sameProfile(field, podProfile)) return undefined;
  return { ...(sc ?? {}), appArmorProfile: field };
}

export function podView(pod: PodLike, barePod: boolean): PodView {
  const spec = rec(pod.spec) ?? {};
  const annotations = rec(rec(pod.metadata)?.['annotations']) ?? {};
  const skew = barePod && rec(spec['os'])?.['name'] !== 'windows';
  const podProfile = rec(rec(spec['securityContext'])?.['appArmorProfile']);
  const containers: PodContainer[] = [];
  for (const list of CONTAINER_LISTS) {
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const raw = items[i];
      if (!isRec(raw)) continue;
      containers.push(new PodContainer(raw, list, i, skew ? appArmorSkew(raw, annotations, podProfile) : undefined));
    }
  }
  return {
    annotations,
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
