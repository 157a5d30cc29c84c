/** Renderings of a connection list: txt, json, csv, md, dot. */
import type { Connection } from './connectivity.js';

export const LIST_FORMATS = ['txt', 'json', 'csv', 'md', 'dot'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export function connectionJson(c: Connection): Record<string, unknown> {
  return { src: c.src.ref, srcKind: c.src.kind, dst: c.dst.ref, dstKind: c.dst.kind, ports: c.ports.toJSON(), connection: c.ports.toString() };
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function dotId(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function toDot(conns: Connection[]): string {
  const byNs = new Map<string, Set<string>>();
  const external = new Set<string>();
  for (const c of conns) {
    for (const e of [c.src, c.dst]) {
      if (e.kind === 'workload') {
        const s = byNs.get(e.namespace) ?? new Set<string>();
        s.add(e.ref);
        byNs.set(e.namespace, s);
      } else external.add(e.ref);
    }
  }
  const lines = ['digraph netpol {', '  rankdir=LR;', '  node [shape=box, style=rounded];'];
  let i = 0;
  for (const [ns, refs] of [...byNs].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  subgraph cluster_${i++} {`, `    label=${dotId(ns)};`);
    for (const r of [...refs].sort()) lines.push(`    ${dotId(r)} [label=${dotId(r.slice(ns.length + 1))}];`);
    lines.push('  }');
  }
  for (const e of [...external].sort()) lines.push(`  ${dotId(e)} [shape=ellipse, color=red];`);
  for (const c of conns) lines.push(`  ${dotId(c.src.ref)} -> ${dotId(c.dst.ref)} [label=${dotId(c.ports.toString())}];`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

export function formatConnections(conns: Connection[], format: ListFormat, extra: { warnings?: unknown[]; cni?: string } = {}): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ cni: extra.cni, connections: conns.map(connectionJson), warnings: extra.warnings ?? [] }, null, 2) + '\n';
    case 'csv':
      return ['src,dst,connection', ...conns.map((c) => [c.src.ref, c.dst.ref, c.ports.toString()].map(csvCell).join(','))].join('\n') + '\n';
    case 'md':
      return ['| src | dst | connection |', '|-----|-----|------------|', ...conns.map((c) => `| ${mdCell(c.src.ref)} | ${mdCell(c.dst.ref)} | ${mdCell(c.ports.toString())} |`)].join('\n') + '\n';
    case 'dot':
      return toDot(conns);
    case 'txt':
      return conns.map((c) => `${c.src.ref} => ${c.dst.ref} : ${c.ports.toString()}`).join('\n') + (conns.length ? '\n' : '');
  }
}
