/**
 * Per namespace: the strictest Pod Security level all its workloads already satisfy, what blocks
 * the next level, and the exact labels to adopt it (kubectl command and YAML patch).
 *
 * Policy: enforce the strictest level that passes at the newest policy version, pinned to that
 * version (so a cluster upgrade cannot start rejecting pods); warn and audit at the next stricter
 * level on `latest`, so teams see what stands between them and it.
 */
import type { Resource } from '../../model/types.js';
import { isWorkloadKind } from '../../model/workloads.js';
import { evaluateResource } from './evaluate.js';
import { formatVersion, LATEST, minorVersion } from './levels.js';
import { levelLabel, policyFromLabels, versionLabel } from './namespace.js';
import { MAX_MINOR } from './registry.js';
import { table } from './report.js';
import type { CheckId, Level } from './types.js';

/** Manifests without a namespace are applied to the kubectl context's namespace; we assume `default`. */
export const IMPLICIT_NAMESPACE = 'default';

export interface Blocker {
  kind: string;
  name: string;
  file: string | null;
  message: string;
  violations: { check: CheckId; reason: string; detail: string }[];
}

export interface NextLevel {
  level: Level;
  version: 'latest';
  blockers: Blocker[];
  /** Newest pinned version at which all workloads would pass this level, if any (older versions check less). */
  satisfiedAtVersion: string | null;
}

export interface NamespaceRecommendation {
  namespace: string;
  workloads: number;
  /** The namespace's current Pod Security labels, when the input holds the Namespace object. */
  currentLabels: Record<string, string> | null;
  /** Current enforce policy as PSA would resolve it (`privileged:latest` when unlabelled). */
  currentEnforce: string | null;
  recommended: { level: Level; version: string };
  next: NextLevel | null;
  labels: Record<string, string>;
  kubectl: string;
  patch: string;
}

const STRICTER: Record<Level, Level | null> = { privileged: 'baseline', baseline: 'restricted', restricted: null };

function blockersAt(workloads: readonly Resource[], level: Level, version = LATEST): Blocker[] {
  const out: Blocker[] = [];
  for (const r of workloads) {
    const result = evaluateResource(r.object, { level, version });
    if (!result || result.allowed) continue;
    out.push({
      kind: r.object.kind,
      name: r.object.metadata?.name ?? r.object.metadata?.generateName ?? '<unnamed>',
      file: r.source.file ?? null,
      message: result.message,
      violations: result.violations.map((v) => ({ check: v.check, reason: v.reason, detail: v.detail })),
    });
  }
  return out;
}

function newestPassingVersion(workloads: readonly Resource[], level: Level): string | null {
  for (let minor = MAX_MINOR; minor >= 0; minor--) {
    if (blockersAt(workloads, level, minorVersion(minor)).length === 0) return formatVersion(minorVersion(minor));
  }
  return null;
}

/** A shell word: DNS names pass as they are; anything else is single-quoted. */
function shellWord(s: string): string {
  return /^[A-Za-z0-9._\/=:-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function yamlScalar(s: string): string {
  return /^[A-Za-z0-9._\/-]+$/.test(s) && !/^(true|false|null|yes|no|on|off|~|[0-9.]+)$/i.test(s) ? s : JSON.stringify(s);
}

export function recommendNamespace(namespace: string, workloads: readonly Resource[], nsObject: Resource | undefined): NamespaceRecommendation {
  let level: Level = 'privileged';
  for (const candidate of ['restricted', 'baseline'] as const) {
    if (blockersAt(workloads, candidate).length === 0) {
      level = candidate;
      break;
    }
  }
  const nextLevel = STRICTER[level];
  const next: NextLevel | null = nextLevel
    ? { level: nextLevel, version: 'latest', blockers: blockersAt(workloads, nextLevel), satisfiedAtVersion: newestPassingVersion(workloads, nextLevel) }
    : null;
  const pinned = formatVersion(minorVersion(MAX_MINOR));
  const observe = nextLevel ?? 'restricted';
  const labels: Record<string, string> = {
    [levelLabel('enforce')]: level,
    [versionLabel('enforce')]: pinned,
    [levelLabel('warn')]: observe,
    [versionLabel('warn')]: 'latest',
    [levelLabel('audit')]: observe,
    [versionLabel('audit')]: 'latest',
  };
  const nsLabels = nsObject?.object.metadata?.labels ?? {};
  const current: Record<string, string> = {};
  for (const [k, v] of Object.entries(nsLabels)) if (k.startsWith('pod-security.kubernetes.io/')) current[k] = v;
  const policy = policyFromLabels(nsLabels).policy.enforce;
  const kubectl = ['kubectl', 'label', '--overwrite', 'namespace', shellWord(namespace), ...Object.entries(labels).map(([k, v]) => shellWord(`${k}=${v}`))].join(' ');
  const patch = [
    'apiVersion: v1',
    'kind: Namespace',
    'metadata:',
    `  name: ${yamlScalar(namespace)}`,
    '  labels:',
    ...Object.entries(labels).map(([k, v]) => `    ${k}: ${yamlScalar(v)}`),
    '',
  ].join('\n');
  return {
    namespace,
    workloads: workloads.length,
    currentLabels: nsObject ? current : null,
    currentEnforce: nsObject ? `${policy.level}:${formatVersion(policy.version)}` : null,
    recommended: { level, version: pinned },
    next,
    labels,
    kubectl,
    patch,
  };
}

export function recommend(resources: readonly Resource[]): NamespaceRecommendation[] {
  const workloadsByNs = new Map<string, Resource[]>();
  const namespaces = new Map<string, Resource>();
  for (const r of resources) {
    const name = r.object.metadata?.name;
    if (r.object.kind === 'Namespace' && typeof name === 'string') {
      namespaces.set(name, r);
      if (!workloadsByNs.has(name)) workloadsByNs.set(name, []);
      continue;
    }
    if (!isWorkloadKind(r.object.kind)) continue;
    const ns = r.object.metadata?.namespace || IMPLICIT_NAMESPACE;
    let list = workloadsByNs.get(ns);
    if (!list) workloadsByNs.set(ns, (list = []));
    list.push(r);
  }
  return [...workloadsByNs.keys()].sort().map((ns) => recommendNamespace(ns, workloadsByNs.get(ns) ?? [], namespaces.get(ns)));
}

export function renderRecommendations(recs: readonly NamespaceRecommendation[]): string {
  if (recs.length === 0) return 'No namespaces or workloads found.\n';
  const lines: string[] = [];
  const rows: string[][] = [['NAMESPACE', 'WORKLOADS', 'CURRENT ENFORCE', 'RECOMMENDED', 'NEXT LEVEL BLOCKED BY']];
  for (const r of recs) {
    rows.push([r.namespace, String(r.workloads), r.currentEnforce ?? '(no Namespace object)', `${r.recommended.level}:${r.recommended.version}`, r.next ? `${r.next.blockers.length} workload(s) for ${r.next.level}` : '-']);
  }
  lines.push(...table(rows), '');
  for (const r of recs) {
    lines.push(`# ${r.namespace}: enforce ${r.recommended.level}:${r.recommended.version}`);
    if (r.next) {
      lines.push(`  ${r.next.level} is blocked by:`);
      for (const b of r.next.blockers) lines.push(`    ${b.kind}/${b.name}${b.file ? ` (${b.file})` : ''}: ${b.message}`);
      if (r.next.satisfiedAtVersion) lines.push(`  (all workloads satisfy ${r.next.level}:${r.next.satisfiedAtVersion}, an older policy version)`);
    }
    lines.push(`  ${r.kubectl}`, '  patch:', ...r.patch.trimEnd().split('\n').map((l) => `    ${l}`), '');
  }
  return lines.join('\n');
}
