/** hostPath helpers: volume iteration, path normalisation and sensitive-tree matching. */
import type { JsonPointer } from '../../../../model/types.js';
import { joinPointer } from '../../../../model/pointer.js';
import type { PodTemplateView } from '../../../../model/workloads.js';
import { isRecord } from './pod.js';

export interface HostPathVolume {
  name: string;
  index: number;
  /** The path as written. */
  path: string;
  /** Pointer to the volume's `hostPath` object. */
  pointer: JsonPointer;
  /** Pointer to the `hostPath.path` value (or `hostPath` when the path is missing). */
  pathPointer: JsonPointer;
}

export function hostPathVolumes(view: PodTemplateView): HostPathVolume[] {
  const out: HostPathVolume[] = [];
  const volumes = view.spec.volumes;
  if (!Array.isArray(volumes)) return out;
  volumes.forEach((v, index) => {
    if (!isRecord(v) || !isRecord(v.hostPath)) return;
    const pointer = joinPointer(view.specPath, 'volumes', index, 'hostPath');
    const p = v.hostPath.path;
    out.push({
      name: typeof v.name === 'string' ? v.name : `volumes[${index}]`,
      index,
      path: typeof p === 'string' ? p : '',
      pointer,
      pathPointer: typeof p === 'string' ? joinPointer(pointer, 'path') : pointer,
    });
  });
  return out;
}

/**
 * Lexical normalisation of a host path: collapse `//`, resolve `.` and `..`, drop a trailing `/`,
 * and treat `/var/run` as `/run` (it is a symlink to `/run` on every mainstream distribution).
 */
export function normalizeHostPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  let out = '/' + parts.join('/');
  if (out === '/var/run' || out.startsWith('/var/run/')) out = out.slice('/var'.length);
  return out;
}

/**
 * Does mounting `hostPath` expose the sensitive tree `entry`? Yes when the mount is the entry,
 * inside it, or an ancestor of it (mounting `/var` exposes `/var/run/docker.sock`). The entry `/`
 * matches only `/` itself, or every path would match.
 */
export function exposes(hostPath: string, entry: string): boolean {
  const p = normalizeHostPath(hostPath);
  const e = normalizeHostPath(entry);
  if (p === e) return true;
  if (p === '/') return true; // the root exposes every tree
  if (e === '/') return false;
  return p.startsWith(e + '/') || e.startsWith(p + '/');
}

/** The first entry of `entries` the path exposes, if any. */
export function firstExposed(hostPath: string, entries: readonly string[]): string | undefined {
  return entries.find((e) => exposes(hostPath, e));
}

/** Default trees whose exposure hands over the node: runtime sockets, kubelet state, the root. */
export const CRITICAL_HOST_PATHS: readonly string[] = [
  '/',
  '/run/docker.sock',
  '/run/containerd/containerd.sock',
  '/run/crio/crio.sock',
  '/run/cri-dockerd.sock',
  '/var/lib/kubelet',
  '/etc/kubernetes',
  '/var/lib/etcd',
];

/** Default trees that leak host credentials, configuration or kernel interfaces. */
export const SENSITIVE_HOST_PATHS: readonly string[] = [
  '/etc',
  '/root',
  '/home',
  '/boot',
  '/dev',
  '/proc',
  '/sys',
  '/var/log',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/run/containerd',
  '/run/crio',
];
