/**
 * The full connectivity list: every allowed workload-to-workload connection and every connection
 * to or from external addresses, as port sets per protocol.
 */
import type { Endpoint, NetworkAnalysis } from './analysis.js';
import type { IpRange } from './ip.js';
import { ALL_V4, ALL_V6, rangeToCidrs } from './ip.js';
import type { Direction, Workload } from './model.js';
import { PortSet } from './ports.js';

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
export function externalRef(ranges: IpRange[]): EndpointRef {
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
  return { kind: 'external', ref: isAll ? ANY_EXTERNAL : cidrs.join(','), cidrs };
}

/** Connections between one workload and external addresses, grouped by identical port sets. */
function externalConnections(a: NetworkAnalysis, w: Workload, atoms: IpRange[], direction: Direction): Connection[] {
  const self = workloadRef(w);
  const groups = new Map<string, { ports: PortSet; ranges: IpRange[] }>();
  const isolatedOrTiered = a.npPoliciesFor(direction, w).length > 0 || a.model.adminPolicies.length > 0 || a.model.baselinePolicies.length > 0;
  for (const atom of atoms) {
    const ep: Endpoint = { kind: 'external', range: atom, text: '' };
    const ports = isolatedOrTiered && !w.hostNetwork ? a.side(direction, w, ep).allowed : PortSet.ALL;
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
    const atoms = a.externalAtoms();
    const targets = options.focus ? [options.focus] : a.model.workloads;
    for (const w of targets) {
      out.push(...externalConnections(a, w, atoms, 'egress'));
      out.push(...externalConnections(a, w, atoms, 'ingress'));
    }
  }
  const order = (e: EndpointRef): string => (e.kind === 'workload' ? `0${e.ref}` : `1${e.ref}`);
  out.sort((x, y) => order(x.src).localeCompare(order(y.src)) || order(x.dst).localeCompare(order(y.dst)));
  return out;
}
