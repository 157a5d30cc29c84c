/**
 * `pss eval` over loaded resources: one entry per Pod or pod template, in the JSON shape the CLI
 * prints, plus a readable table.
 */
import type { Resource } from '../../model/types.js';
import { isWorkloadKind } from '../../model/workloads.js';
import { evaluateResource } from './evaluate.js';
import { formatLevelVersion } from './levels.js';
import type { CheckId, LevelVersion } from './types.js';

export interface EvalEntry {
  file: string | null;
  kind: string;
  namespace: string | null;
  name: string;
  allowed: boolean;
  violations: { check: CheckId; reason: string; detail: string }[];
  message: string;
}

export interface EvalReport {
  /** `restricted:latest` etc. */
  policy: string;
  results: EvalEntry[];
  summary: { evaluated: number; allowed: number; denied: number };
}

export function evaluateResources(resources: readonly Resource[], lv: LevelVersion): EvalReport {
  const results: EvalEntry[] = [];
  for (const r of resources) {
    if (!isWorkloadKind(r.object.kind)) continue;
    const result = evaluateResource(r.object, lv);
    if (!result) continue;
    const meta = r.object.metadata;
    results.push({
      file: r.source.file ?? null,
      kind: r.object.kind,
      namespace: typeof meta?.namespace === 'string' ? meta.namespace : null,
      name: meta?.name ?? meta?.generateName ?? '<unnamed>',
      allowed: result.allowed,
      violations: result.violations.map((v) => ({ check: v.check, reason: v.reason, detail: v.detail })),
      message: result.message,
    });
  }
  const allowed = results.filter((e) => e.allowed).length;
  return { policy: formatLevelVersion(lv), results, summary: { evaluated: results.length, allowed, denied: results.length - allowed } };
}

/** Left-aligned columns, two spaces apart. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

export function renderEvalTable(report: EvalReport): string {
  const lines: string[] = [];
  const rows: string[][] = [['STATUS', 'KIND', 'NAMESPACE', 'NAME', 'FILE']];
  for (const e of report.results) rows.push([e.allowed ? 'allowed' : 'DENIED', e.kind, e.namespace ?? '-', e.name, e.file ?? '-']);
  const rendered = table(rows);
  lines.push(rendered[0] as string);
  report.results.forEach((e, i) => {
    lines.push(rendered[i + 1] as string);
    for (const v of e.violations) lines.push(`    ${v.check}: ${v.detail === '' ? v.reason : `${v.reason} (${v.detail})`}`);
  });
  const s = report.summary;
  lines.push('', `PodSecurity "${report.policy}": ${s.evaluated} evaluated, ${s.allowed} allowed, ${s.denied} denied`);
  return lines.join('\n') + '\n';
}
