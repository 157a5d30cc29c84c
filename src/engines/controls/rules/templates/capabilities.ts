/** Linux capability helpers: names are compared without the `CAP_` prefix, case-insensitively, as runtimes do. */
import type { JsonPointer } from '../../../../model/types.js';
import { joinPointer } from '../../../../model/pointer.js';
import type { ContainerView } from '../../../../model/workloads.js';
import { containerOnly } from '../../../../model/workloads.js';
import { isRecord } from './pod.js';

export function normalizeCapability(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}

export interface CapabilityEntry {
  /** As written. */
  raw: string;
  /** Normalised (upper case, no `CAP_`). */
  name: string;
  index: number;
  path: JsonPointer;
}

/** Entries of `securityContext.capabilities.add` or `.drop` of a container. */
export function capabilityList(c: ContainerView, which: 'add' | 'drop'): CapabilityEntry[] {
  const caps = containerOnly(c, 'capabilities');
  if (!isRecord(caps.value)) return [];
  const items = (caps.value as Record<string, unknown>)[which];
  if (!Array.isArray(items)) return [];
  const out: CapabilityEntry[] = [];
  items.forEach((raw, index) => {
    if (typeof raw !== 'string') return;
    out.push({ raw, name: normalizeCapability(raw), index, path: joinPointer(caps.path, which, index) });
  });
  return out;
}

export function addsCapability(c: ContainerView, name: string): boolean {
  return capabilityList(c, 'add').some((e) => e.name === name || e.name === 'ALL');
}

/** Capabilities the Baseline Pod Security Standard allows adding (the container runtime defaults). */
export const BASELINE_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
];

/** Capabilities that break isolation or grant host-level powers; the default for `dangerous-capabilities`. */
export const DANGEROUS_CAPABILITIES: readonly string[] = [
  'ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_BOOT', 'SYS_TIME', 'SYSLOG', 'NET_ADMIN', 'NET_RAW',
  'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'MAC_ADMIN', 'MAC_OVERRIDE', 'LINUX_IMMUTABLE',
];

/** Among the dangerous ones, those that amount to root on the node. */
export const NODE_TAKEOVER_CAPABILITIES: readonly string[] = ['ALL', 'SYS_ADMIN', 'SYS_MODULE'];

/** The raw `capabilities.add` array of a container, if it is one. */
export function addList(c: ContainerView): unknown[] | undefined {
  const caps = containerOnly(c, 'capabilities');
  const add = isRecord(caps.value) ? (caps.value as Record<string, unknown>)['add'] : undefined;
  return Array.isArray(add) ? add : undefined;
}

/** Pointer to `capabilities.add` when it exists. */
export function addListPath(c: ContainerView): JsonPointer | undefined {
  return addList(c) ? joinPointer(c.path, 'securityContext', 'capabilities', 'add') : undefined;
}
