/**
 * Connections added, removed and changed between two versions of the manifests. Workloads match by
 * reference; external addresses are compared on the common refinement of both versions' ipBlocks,
 * so a CIDR that moved is reported exactly.
 */
import type { NetworkAnalysis } from './analysis.js';
import type { EndpointRef } from './connectivity.js';
import { externalRef } from './connectivity.js';
import type { IpRange } from './ip.js';
import type { Direction, Workload } from './model.js';
import { PortSet } from './ports.js';

export interface ConnectionChange {
  src: string;
  dst: string;
  before: PortSet;
  after: PortSet;
}

export interface NetpolDiff {
  added: ConnectionChange[];
  removed: ConnectionChange[];
  changed: ConnectionChange[];
}

function workloadPairs(a: NetworkAnalysis): Map<string, { src: string; dst: string; ports: PortSet }> {
  const out = new Map<string, { src: string; dst: string; ports: PortSet }>();
  a.workloadConnections((s, d, ports) => out.set(`${s.ref}\u0000${d.ref}`, { src: s.ref, dst: d.ref, ports }));
  return out;
}

/** Split `a`'s atoms further by `b`'s cut points so both analyses are constant on each piece. */
function commonAtoms(x: IpRange[], y: IpRange[]): IpRange[] {
  const out: IpRange[] = [];
  for (const fam of [4, 6] as const) {
    const cuts = new Set<bigint>();
    let max = 0n;
    for (const r of [...x, ...y]) {
      if (r.family !== fam) continue;
      cuts.add(r.start);
      if (r.end > max) max = r.end;
    }
    const sorted = [...cuts].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
    sorted.forEach((start, i) => out.push({ family: fam, start, end: i + 1 < sorted.length ? sorted[i + 1]! - 1n : max }));
  }
  return out;
}

function externalPorts(a: NetworkAnalysis, w: Workload | undefined, atom: IpRange, direction: Direction): PortSet {
  if (!w) return PortSet.EMPTY;
  return a.side(direction, w, { kind: 'external', range: atom, text: '' }, false).allowed;
}

export function diffAnalyses(before: NetworkAnalysis, after: NetworkAnalysis): NetpolDiff {
  const result: NetpolDiff = { added: [], removed: [], changed: [] };
  const push = (src: string, dst: string, b: PortSet, a: PortSet): void => {
    if (b.equals(a)) return;
    const c = { src, dst, before: b, after: a };
    if (b.isEmpty()) result.added.push(c);
    else if (a.isEmpty()) result.removed.push(c);
    else result.changed.push(c);
  };
  const pb = workloadPairs(before);
  const pa = workloadPairs(after);
  for (const [k, v] of pb) push(v.src, v.dst, v.ports, pa.get(k)?.ports ?? PortSet.EMPTY);
  for (const [k, v] of pa) if (!pb.has(k)) push(v.src, v.dst, PortSet.EMPTY, v.ports);

  const atoms = commonAtoms(before.externalAtoms(), after.externalAtoms());
  const refs = new Set([...before.model.workloads, ...after.model.workloads].map((w) => w.ref));
  const wb = new Map(before.model.workloads.map((w) => [w.ref, w]));
  const wa = new Map(after.model.workloads.map((w) => [w.ref, w]));
  for (const ref of [...refs].sort()) {
    for (const direction of ['egress', 'ingress'] as const) {
      const groups = new Map<string, { b: PortSet; a: PortSet; ranges: IpRange[] }>();
      for (const atom of atoms) {
        const b = externalPorts(before, wb.get(ref), atom, direction);
        const a = externalPorts(after, wa.get(ref), atom, direction);
        if (b.equals(a)) continue;
        const key = `${b.toString()}\u0000${a.toString()}`;
        const g = groups.get(key);
        if (g) g.ranges.push(atom);
        else groups.set(key, { b, a, ranges: [atom] });
      }
      for (const g of groups.values()) {
        const ext: EndpointRef = externalRef(g.ranges);
        if (direction === 'egress') push(ref, ext.ref, g.b, g.a);
        else push(ext.ref, ref, g.b, g.a);
      }
    }
  }
  const order = (x: ConnectionChange, y: ConnectionChange): number => x.src.localeCompare(y.src) || x.dst.localeCompare(y.dst);
  result.added.sort(order);
  result.removed.sort(order);
  result.changed.sort(order);
  return result;
}

export function diffJson(d: NetpolDiff): Record<string, unknown> {
  const one = (c: ConnectionChange): Record<string, unknown> => ({
    src: c.src,
    dst: c.dst,
    before: c.before.toString(),
    after: c.after.toString(),
    opened: c.after.subtract(c.before).toString(),
    closed: c.before.subtract(c.after).toString(),
  });
  return { added: d.added.map(one), removed: d.removed.map(one), changed: d.changed.map(one) };
}

export function diffText(d: NetpolDiff): string {
  const lines: string[] = [];
  for (const c of d.added) lines.push(`+ ${c.src} => ${c.dst} : ${c.after.toString()}`);
  for (const c of d.removed) lines.push(`- ${c.src} => ${c.dst} : ${c.before.toString()}`);
  for (const c of d.changed) {
    const opened = c.after.subtract(c.before);
    const closed = c.before.subtract(c.after);
    lines.push(`~ ${c.src} => ${c.dst} : ${c.before.toString()} -> ${c.after.toString()}${opened.isEmpty() ? '' : ` (opened ${opened.toString()})`}${closed.isEmpty() ? '' : ` (closed ${closed.toString()})`}`);
  }
  if (lines.length === 0) lines.push('no connectivity changes');
  return lines.join('\n') + '\n';
}
