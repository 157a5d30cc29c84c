/**
 * Lateral-movement exposure: which workloads are not isolated, who can reach each workload, its
 * transitive blast radius (everything an attacker holding it can reach, hop by hop), and which
 * connections come from outside the cluster.
 */
import type { NetworkAnalysis } from './analysis.js';
import type { Connection } from './connectivity.js';
import { listConnections } from './connectivity.js';
import { connectionJson } from './format.js';

export interface WorkloadExposure {
  ref: string;
  ingressIsolated: boolean;
  egressIsolated: boolean;
  /** Workloads that can open a connection to it (any port). */
  reachableFrom: string[];
  /** Ports reachable from outside the cluster, and from which addresses. */
  fromExternal: { from: string; connection: string }[];
  /** Workloads reachable from it, transitively (excluding itself). */
  blastRadius: string[];
}

export interface ExposureReport {
  workloads: number;
  notIsolated: { ingress: string[]; egress: string[] };
  /** Workloads every other workload can reach. */
  reachableFromAll: string[];
  exposures: WorkloadExposure[];
  external: Record<string, unknown>[];
}

/** Strongly connected components (iterative Tarjan), so blast radius is computed once per component. */
function sccs(n: number, adj: number[][]): { comp: Int32Array; count: number } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const comp = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let next = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v, i] = top;
      const edges = adj[v]!;
      if (i < edges.length) {
        top[1]++;
        const w = edges[i]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
      } else {
        work.pop();
        if (work.length > 0) {
          const parent = work[work.length - 1]![0];
          low[parent] = Math.min(low[parent]!, low[v]!);
        }
        if (low[v] === index[v]) {
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = 0;
            comp[w] = count;
          } while (w !== v);
          count++;
        }
      }
    }
  }
  return { comp, count };
}

/** Transitive reachability per node, via component condensation and bitsets. */
export function transitiveReach(n: number, adj: number[][]): Uint32Array[] {
  const { comp, count } = sccs(n, adj);
  const words = Math.ceil(n / 32);
  const compBits = Array.from({ length: count }, () => new Uint32Array(words));
  const compAdj: Set<number>[] = Array.from({ length: count }, () => new Set<number>());
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < n; v++) {
    members[comp[v]!]!.push(v);
    for (const w of adj[v]!) {
      if (comp[w] !== comp[v]) compAdj[comp[v]!]!.add(comp[w]!);
    }
  }
  // Every member of a cycle reaches every other member.
  for (let c = 0; c < count; c++) if (members[c]!.length > 1) for (const m of members[c]!) compBits[c]![m >>> 5]! |= 1 << (m & 31);
  // Tarjan numbers components in reverse topological order: successors come first.
  for (let c = 0; c < count; c++) {
    const bits = compBits[c]!;
    for (const d of compAdj[c]!) {
      const db = compBits[d]!;
      for (let k = 0; k < words; k++) bits[k]! |= db[k]!;
      for (const m of members[d]!) bits[m >>> 5]! |= 1 << (m & 31);
    }
  }
  return Array.from({ length: n }, (_, v) => compBits[comp[v]!]!);
}

export function exposureReport(a: NetworkAnalysis, connections: Connection[] = listConnections(a)): ExposureReport {
  const ws = a.model.workloads;
  const idx = new Map(ws.map((w) => [w.ref, w.index]));
  const adj: number[][] = ws.map(() => []);
  const from: Set<number>[] = ws.map(() => new Set());
  const fromExternal: { from: string; connection: string }[][] = ws.map(() => []);
  const external: Record<string, unknown>[] = [];
  for (const c of connections) {
    if (c.src.kind === 'workload' && c.dst.kind === 'workload') {
      const s = idx.get(c.src.ref)!;
      const d = idx.get(c.dst.ref)!;
      if (s !== d) {
        adj[s]!.push(d);
        from[d]!.add(s);
      }
    } else if (c.src.kind === 'external' && c.dst.kind === 'workload') {
      fromExternal[idx.get(c.dst.ref)!]!.push({ from: c.src.ref, connection: c.ports.toString() });
      external.push(connectionJson(c));
    }
  }
  const reach = transitiveReach(ws.length, adj);
  const exposures: WorkloadExposure[] = ws.map((w) => {
    const bits = reach[w.index]!;
    const blast: string[] = [];
    for (let i = 0; i < ws.length; i++) if (i !== w.index && (bits[i >>> 5]! & (1 << (i & 31))) !== 0) blast.push(ws[i]!.ref);
    return {
      ref: w.ref,
      ingressIsolated: a.npPoliciesFor('ingress', w).length > 0,
      egressIsolated: a.npPoliciesFor('egress', w).length > 0,
      reachableFrom: [...from[w.index]!].map((i) => ws[i]!.ref).sort(),
      fromExternal: fromExternal[w.index]!,
      blastRadius: blast.sort(),
    };
  });
  exposures.sort((x, y) => y.blastRadius.length - x.blastRadius.length || y.reachableFrom.length - x.reachableFrom.length || x.ref.localeCompare(y.ref));
  return {
    workloads: ws.length,
    notIsolated: {
      ingress: ws.filter((w) => a.npPoliciesFor('ingress', w).length === 0).map((w) => w.ref).sort(),
      egress: ws.filter((w) => a.npPoliciesFor('egress', w).length === 0).map((w) => w.ref).sort(),
    },
    reachableFromAll: ws.length > 1 ? exposures.filter((e) => e.reachableFrom.filter((r) => r !== e.ref).length === ws.length - 1).map((e) => e.ref).sort() : [],
    exposures,
    external,
  };
}
