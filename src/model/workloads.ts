import type { JsonPointer, K8sObject } from './types.js';
import { joinPointer } from './pointer.js';

/** Where each workload kind keeps its pod spec; the single source of truth for "deployment-like". */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_SPEC_PATHS);

export function isWorkloadKind(kind: string): boolean {
  return Object.hasOwn(POD_SPEC_PATHS, kind);
}

/* Minimal typed views of the pod API: only fields security decisions read. Everything is optional
   because input is untrusted; accessors below never assume shape. */
export interface SELinuxOptions { user?: string; role?: string; type?: string; level?: string }
export interface SeccompProfile { type?: string; localhostProfile?: string }
export interface AppArmorProfile { type?: string; localhostProfile?: string }
export interface WindowsOptions { hostProcess?: boolean; runAsUserName?: string }
export interface Capabilities { add?: string[]; drop?: string[] }

export interface PodSecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  fsGroup?: number;
  supplementalGroups?: number[];
  seLinuxOptions?: SELinuxOptions;
  seccompProfile?: SeccompProfile;
  appArmorProfile?: AppArmorProfile;
  windowsOptions?: WindowsOptions;
  sysctls?: { name?: string; value?: string }[];
  [key: string]: unknown;
}

export interface SecurityContext {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  capabilities?: Capabilities;
  procMount?: string;
  seLinuxOptions?: SELinuxOptions;
  seccompProfile?: SeccompProfile;
  appArmorProfile?: AppArmorProfile;
  windowsOptions?: WindowsOptions;
  [key: string]: unknown;
}

export interface ContainerPort { name?: string; containerPort?: number; hostPort?: number; hostIP?: string; protocol?: string }
export interface EnvVar {
  name?: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name?: string; key?: string }; configMapKeyRef?: { name?: string; key?: string }; [key: string]: unknown };
}

export interface Container {
  name?: string;
  image?: string;
  imagePullPolicy?: string;
  ports?: ContainerPort[];
  env?: EnvVar[];
  envFrom?: { secretRef?: { name?: string }; configMapRef?: { name?: string }; prefix?: string }[];
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  securityContext?: SecurityContext;
  volumeMounts?: { name?: string; mountPath?: string; readOnly?: boolean; subPath?: string }[];
  livenessProbe?: Record<string, unknown>;
  readinessProbe?: Record<string, unknown>;
  startupProbe?: Record<string, unknown>;
  lifecycle?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Volume {
  name?: string;
  hostPath?: { path?: string; type?: string };
  [key: string]: unknown;
}

export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  volumes?: Volume[];
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  hostUsers?: boolean;
  securityContext?: PodSecurityContext;
  serviceAccountName?: string;
  serviceAccount?: string;
  automountServiceAccountToken?: boolean;
  os?: { name?: string };
  [key: string]: unknown;
}

export interface PodTemplateView {
  /** The pod spec (may be an empty object if the input lacks one). */
  spec: PodSpec;
  /** Pointer to the pod spec within the workload object. */
  specPath: JsonPointer;
  /** Labels and annotations of the pod (template metadata; the object's own for a Pod). */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Pointer to the pod metadata. */
  metadataPath: JsonPointer;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function stringMap(v: unknown): Record<string, string> {
  if (!isRecord(v)) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

/** The pod spec of any workload kind, or undefined for other kinds. */
export function podTemplateOf(obj: K8sObject): PodTemplateView | undefined {
  const path = POD_SPEC_PATHS[obj.kind];
  if (!path) return undefined;
  let cur: unknown = obj;
  for (const key of path) {
    cur = isRecord(cur) ? cur[key] : undefined;
  }
  const pointers = podPointersOf(obj.kind, path);
  let meta: unknown = obj;
  for (const key of pointers.metaTokens) meta = isRecord(meta) ? meta[key] : undefined;
  return {
    spec: isRecord(cur) ? (cur as PodSpec) : {},
    specPath: pointers.specPath,
    labels: stringMap(isRecord(meta) ? meta['labels'] : undefined),
    annotations: stringMap(isRecord(meta) ? meta['annotations'] : undefined),
    metadataPath: pointers.metadataPath,
  };
}

/** Per kind, the pointers of its pod spec and pod metadata (computed once: this is hot). */
const podPointers = new Map<string, { specPath: JsonPointer; metadataPath: JsonPointer; metaTokens: readonly string[] }>();

function podPointersOf(kind: string, path: readonly string[]): { specPath: JsonPointer; metadataPath: JsonPointer; metaTokens: readonly string[] } {
  let p = podPointers.get(kind);
  if (!p) {
    const metaTokens = [...path.slice(0, -1), 'metadata'];
    p = { specPath: joinPointer('', ...path), metadataPath: joinPointer('', ...metaTokens), metaTokens };
    podPointers.set(kind, p);
  }
  return p;
}

export type ContainerType = 'containers' | 'initContainers' | 'ephemeralContainers';
export const CONTAINER_TYPES: readonly ContainerType[] = ['initContainers', 'containers', 'ephemeralContainers'];

export interface ContainerView {
  container: Container;
  type: ContainerType;
  index: number;
  name: string;
  /** Pointer to the container within the workload object. */
  path: JsonPointer;
}

/** Every container of a pod spec (init, regular, ephemeral) with its pointer. */
export function containersOf(view: PodTemplateView): ContainerView[] {
  const out: ContainerView[] = [];
  for (const type of CONTAINER_TYPES) {
    const list = view.spec[type];
    if (!Array.isArray(list)) continue;
    list.forEach((c, index) => {
      if (!isRecord(c)) return;
      out.push({
        container: c as Container,
        type,
        index,
        name: typeof c['name'] === 'string' ? c['name'] : `${type}[${index}]`,
        path: joinPointer(view.specPath, type, index),
      });
    });
  }
  return out;
}

/** A security setting with the pointer of the place it was set (pod or container level). */
export interface Effective<T> {
  value: T | undefined;
  /** Where the value was set; when unset, the container (nearest existing parent for findings). */
  path: JsonPointer;
  /** Which level set it. */
  from: 'container' | 'pod' | 'unset';
}

/** Fields a container inherits from the pod security context when it does not set them itself. */
export type InheritedField = 'runAsUser' | 'runAsGroup' | 'runAsNonRoot' | 'seLinuxOptions' | 'seccompProfile' | 'appArmorProfile' | 'windowsOptions';

/**
 * The effective value of an inheritable security field: the container's setting wins,
 * otherwise the pod's (as the kubelet applies it).
 */
export function effective<F extends InheritedField>(view: PodTemplateView, c: ContainerView, field: F): Effective<NonNullable<SecurityContext[F]>> {
  const csc = c.container.securityContext;
  if (isRecord(csc) && csc[field] !== undefined && csc[field] !== null) {
    return { value: csc[field] as NonNullable<SecurityContext[F]>, path: joinPointer(c.path, 'securityContext', field), from: 'container' };
  }
  const psc = view.spec.securityContext;
  if (isRecord(psc) && psc[field] !== undefined && psc[field] !== null) {
    return { value: psc[field] as NonNullable<SecurityContext[F]>, path: joinPointer(view.specPath, 'securityContext', field), from: 'pod' };
  }
  return { value: undefined, path: c.path, from: 'unset' };
}

/** A container-only security field (no pod-level equivalent), with its pointer. */
export function containerOnly<F extends 'privileged' | 'allowPrivilegeEscalation' | 'readOnlyRootFilesystem' | 'capabilities' | 'procMount'>(
  c: ContainerView,
  field: F,
): Effective<NonNullable<SecurityContext[F]>> {
  const csc = c.container.securityContext;
  if (isRecord(csc) && csc[field] !== undefined && csc[field] !== null) {
    return { value: csc[field] as NonNullable<SecurityContext[F]>, path: joinPointer(c.path, 'securityContext', field), from: 'container' };
  }
  return { value: undefined, path: isRecord(csc) ? joinPointer(c.path, 'securityContext') : c.path, from: 'unset' };
}

/** The service account a pod runs as (the API server defaults it to `default`). */
export function serviceAccountOf(view: PodTemplateView): string {
  const sa = view.spec.serviceAccountName ?? view.spec.serviceAccount;
  return typeof sa === 'string' && sa !== '' ? sa : 'default';
}

/** Is this a Windows pod (`spec.os.name: windows`)? */
export function isWindowsPod(view: PodTemplateView): boolean {
  return view.spec.os?.name === 'windows';
}
