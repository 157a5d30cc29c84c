/**
 * The full connectivity list: every allowed workload-to-workload connection and every connection
 * to or from external addresses, as port sets per protocol.
 */
import type { Endpoint, NetworkAnalysis } from './analysis.js';
import type { IpRange } from './ip.js';
import { ALL_V4, ALL_V6, rangeToCidrs } from './ip.js';
import type { Direction, Workload } from './model.js';
import type { PortSet } from './ports.js';

export const ANY_EXTERNAL = 'any external address';

export type EndpointRef =
  | { kind: 'workload'; ref: string; namespace: string; name: string; workloadKind: string }
  | { kind: 'external'; ref: string; cidrs: string[] };

export interface Connection {
  src: EndpointRef;
  dst: EndpointRef;
  ports: PortSet;
}

export function workloadRef(w: Workload): EndpointRef {
  return { kind: 'workload', ref: w.ref, namespace: w.namespace, name: w.name, workloadKind: w.kind };
}

/** Merge address ranges into the fewest CIDRs; the whole v4+v6 space reads "any external address". */
const refCache = new Map<string, EndpointRef>();

export function externalRef(ranges: IpRange[]): EndpointRef {
  // Many workloads share the same address groups; rendering CIDRs is bigint-heavy, so memoize.
  const key = ranges.map((r) => `${r.family}:${r.start}:${r.end}`).join('|');
  let hit = refCache.get(key);
  if (!hit) {
    if (refCache.size > 10000) refCache.clear();
    hit = computeExternalRef(ranges);
    refCache.set(key, hit);
  }
  return hit;
}

function computeExternalRef(ranges: IpRange[]): EndpointRef {
  const sorted = [...ranges].sort((a, b) => a.family - b.family || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: IpRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.family === r.family && last.end + 1n >= r.start) {
      if (r.end > last.end) last.end = r.end;
    } else merged.push({ ...r });
  }
  const isAll = merged.length === 2 && merged[0]!.start === 0n && merged[0]!.end === ALL_V4.end && merged[0]!.family === 4 && merged[1]!.family === 6 && merged[1]!.start === 0n && merged[1]!.end === ALL_V6.end;
  const cidrs = merged.flatMap(rangeToCidrs);
  if (isAll) return { kind: 'external', ref: ANY_EXTERNAL, cidrs };
  // Per family, "0.0.0.0/0 except 10.0.0.0/8" reads better than the eight CIDRs it stands for.
  const parts: string[] = [];
  for (const fam of [4, 6] as const) {
    const mine = merged.filter((r) => r.family === fam);
    if (mine.length === 0) continue;
    const direct = mine.flatMap(rangeToCidrs);
    const holes: IpRange[] = [];
    let next = 0n;
    const max = fam === 4 ? ALL_V4.end : ALL_V6.end;
    for (const r of mine) {
      if (r.start > next) holes.push({ family: fam, start: next, end: r.start - 1n });
      next = r.end + 1n;
    }
    if (next <= max) holes.push({ family: fam, start: next, end: max });
    const holeCidrs = holes.flatMap(rangeToCidrs);
    const whole = fam === 4 ? '0.0.0.0/0' : '::/0';
    if (holes.length === 0) parts.push(whole);
    else if (holeCidrs.length + 1 < direct.length) parts.push(`${whole} except ${holeCidrs.join(',')}`);
    else parts.push(direct.join(','));
  }
  return { kind: 'external', ref: parts.join(','), cidrs };
}

/** Connections between one workload and external addresses, grouped by identical port sets. */
function externalConnections(a: NetworkAnalysis, w: Workload, direction: Direction): Connection[] {
  const self = workloadRef(w);
  const groups = new Map<string, { ports: PortSet; ranges: IpRange[] }>();
  for (const atom of a.externalAtomsFor(direction, w)) {
    const ep: Endpoint = { kind: 'external', range: atom, text: '' };
    const ports = a.side(direction, w, ep, false).allowed;
    if (ports.isEmpty()) continue;
    const key = ports.toString();
    const g = groups.get(key);
    if (g) g.ranges.push(atom);
    else groups.set(key, { ports, ranges: [atom] });
  }
  return [...groups.values()].map((g) => {
    const ext = externalRef(g.ranges);
    return direction === 'egress' ? { src: self, dst: ext, ports: g.ports } : { src: ext, dst: self, ports: g.ports };
  });
}

export interface ListOptions {
  /** Only connections from or to this workload. */
  focus?: Workload;
  /** Include external-address connections (default true). */
  external?: boolean;
}

/** Every allowed connection, sorted by source then destination. */
export function listConnections(a: NetworkAnalysis, options: ListOptions = {}): Connection[] {
  const out: Connection[] = [];
  const visit = (s: Workload, d: Workload, ports: PortSet): void => void out.push({ src: workloadRef(s), dst: workloadRef(d), ports });
  if (options.focus) {
    const focus = options.focus;
    a.workloadConnections(visit, { src: focus });
    a.workloadConnections((s, d, ports) => (s === focus ? undefined : visit(s, d, ports)), { dst: focus });
  } else {
    a.workloadConnections(visit);
  }
  if (options.external !== false) {
    const targets = options.focus ? [options.focus] : a.model.workloads;
    for (const w of targets) {
      out.push(...externalConnections(a, w, 'egress'));
      out.push(...externalConnections(a, w, 'ingress'));
    }
  }
  // Workloads before external addresses; plain code-unit order is stable and fast on large lists.
  const key = (c: Connection): string => `${c.src.kind === 'workload' ? 0 : 1}${c.src.ref}\u0000${c.dst.kind === 'workload' ? 0 : 1}${c.dst.ref}`;
  const keyed = out.map((c) => ({ c, k: key(c) }));
  keyed.sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0));
  return keyed.map((x) => x.c);
}
