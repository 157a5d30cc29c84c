/** Text renderings for people: tables, the escalation tree, and Graphviz / Mermaid graphs. */
import type { WhoCanEntry, Permissions } from './authorizer.js';
import type { PermissionDiff, PermissionAtom } from './diff.js';
import type { EscalationPath } from './escalation.js';
import { describeRule } from './rules.js';
import type { Decision, Via } from './types.js';

function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] as number))).join('  ').trimEnd()).join('\n') + '\n';
}

function viaText(v: Via): string {
  return `${v.binding}${v.bindingSource ? ' (bootstrap)' : ''} -> ${v.role}${v.roleSource ? ' (bootstrap)' : ''}${v.group === undefined ? '' : ` (via group ${v.group})`}`;
}

export function renderWhoCan(entries: WhoCanEntry[]): string {
  const rows = [['SUBJECT', 'GRANTED BY']];
  for (const e of entries) e.via.forEach((v, i) => rows.push([i === 0 ? e.subject : '', viaText(v)]));
  return table(rows);
}

export function renderDecision(subject: string, d: Decision): string {
  const lines = [`${d.allowed ? 'yes' : 'no'}: ${subject}`, `  ${d.reason}`];
  for (const v of d.via) lines.push(`  granted by ${viaText(v)}`);
  for (const p of d.problems) lines.push(`  warning: ${p.object}: ${p.message}`);
  return lines.join('\n') + '\n';
}

export function renderPermissions(p: Permissions): string {
  const lines = [`${p.subject}  (user "${p.user.name}", groups: ${p.user.groups.join(', ') || 'none'})`];
  if (p.unrestricted) lines.push('  member of system:masters: every request is allowed, RBAC is bypassed');
  let current: string | undefined;
  for (const r of p.rules) {
    if (r.namespace !== current) {
      current = r.namespace;
      lines.push(current === '*' ? '  cluster-wide:' : `  namespace ${current}:`);
    }
    lines.push(`    ${describeRule(r.rule)}`, `      from ${viaText(r.via)}`);
  }
  if (p.rules.length === 0 && !p.unrestricted) lines.push('  no permissions');
  for (const prob of p.problems) lines.push(`  warning: ${prob.object}: ${prob.message}`);
  return lines.join('\n') + '\n';
}

function atomText(a: PermissionAtom): string {
  const what = a.nonResourceURL !== undefined ? a.nonResourceURL : `${a.resource}${a.apiGroup ? `.${a.apiGroup}` : ''}${a.resourceName !== undefined ? `/${a.resourceName}` : ''}`;
  return `${a.namespace === '*' ? 'cluster-wide' : a.namespace}: ${a.verb} ${what}`;
}

export function renderDiff(d: PermissionDiff): string {
  const lines = [`only ${d.a}:`];
  for (const a of d.onlyA) lines.push(`  + ${atomText(a)}  (${viaText(a.via)})`);
  if (d.onlyA.length === 0) lines.push('  (nothing)');
  lines.push(`only ${d.b}:`);
  for (const a of d.onlyB) lines.push(`  + ${atomText(a)}  (${viaText(a.via)})`);
  if (d.onlyB.length === 0) lines.push('  (nothing)');
  return lines.join('\n') + '\n';
}

export function renderEscalationTree(paths: EscalationPath[]): string {
  if (paths.length === 0) return 'no escalation paths found\n';
  const lines: string[] = [];
  // cluster-admin implies every other impact: show the rest of such a subject's paths as one line.
  const admins = new Set(paths.filter((p) => p.impact === 'cluster-admin').map((p) => p.from));
  const implied = new Map<string, string[]>();
  for (const p of paths) if (p.impact !== 'cluster-admin' && admins.has(p.from)) implied.set(p.from, [...(implied.get(p.from) ?? []), p.impact]);
  for (const p of paths) {
    if (p.impact !== 'cluster-admin' && admins.has(p.from)) continue;
    const also = p.impact === 'cluster-admin' ? implied.get(p.from) : undefined;
    lines.push(`${p.from} can become ${p.impact} in ${p.steps.length} step${p.steps.length === 1 ? '' : 's'} [${p.severity}]`);
    p.steps.forEach((s, i) => {
      const last = i === p.steps.length - 1;
      const perm = `${s.permission.verb} ${s.permission.resource}${s.permission.namespace ? ` in ${s.permission.namespace}` : ''}${s.permission.name ? ` (${s.permission.name})` : ''}`;
      lines.push(`  ${last ? '└─' : '├─'} ${s.action}`);
      lines.push(`  ${last ? '  ' : '│ '}   uses ${perm}, granted by ${s.grantedBy.binding}${s.grantedBy.bindingSource ? ' (bootstrap)' : ''} -> ${s.grantedBy.role}${s.grantedBy.roleSource ? ' (bootstrap)' : ''}`);
      lines.push(`  ${last ? '  ' : '│ '}   => ${s.becomes}`);
    });
    if (also?.length) lines.push(`  (and therefore also ${also.join(', ')}; see --format json or --impact)`);
    lines.push(`  fix: ${p.remediation.description}`, '');
  }
  return lines.join('\n');
}

function pathEdges(paths: EscalationPath[]): { from: string; to: string; label: string }[] {
  const seen = new Map<string, { from: string; to: string; label: string }>();
  for (const p of paths) for (const s of p.steps) {
    const key = `${s.subject}\u0000${s.becomes}`;
    if (!seen.has(key)) seen.set(key, { from: s.subject, to: s.becomes, label: `${s.permission.verb} ${s.permission.resource}${s.permission.namespace ? ` @${s.permission.namespace}` : ''}` });
  }
  return [...seen.values()];
}

const IMPACT_NODES = new Set(['cluster-admin', 'node', 'admission', 'secrets', 'pod-security']);

export function renderDot(paths: EscalationPath[]): string {
  const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = ['digraph rbac_escalations {', '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  const impacts = new Set<string>();
  for (const e of pathEdges(paths)) {
    if (IMPACT_NODES.has(e.to)) impacts.add(e.to);
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(e.label)}];`);
  }
  for (const i of impacts) lines.push(`  ${q(i)} [shape=octagon, color=red];`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

export function renderMermaid(paths: EscalationPath[]): string {
  const ids = new Map<string, string>();
  const id = (s: string): string => {
    let v = ids.get(s);
    if (!v) ids.set(s, (v = `n${ids.size}`));
    return v;
  };
  // Mermaid labels: quotes and brackets would end the label.
  const esc = (s: string): string => s.replace(/["[\]{}|<>]/g, (c) => `#${c.charCodeAt(0)};`);
  const lines = ['flowchart LR'];
  const edges = pathEdges(paths);
  const nodes = new Set<string>();
  for (const e of edges) nodes.add(e.from).add(e.to);
  for (const n of nodes) lines.push(IMPACT_NODES.has(n) ? `  ${id(n)}{{"${esc(n)}"}}` : `  ${id(n)}["${esc(n)}"]`);
  for (const e of edges) lines.push(`  ${id(e.from)} -->|"${esc(e.label)}"| ${id(e.to)}`);
  return lines.join('\n') + '\n';
}
