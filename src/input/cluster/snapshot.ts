/**
 * Writes what was read from a cluster as manifests, so a scan can be reproduced offline with
 * `rampart scan <dir>`: one multi-document YAML file per namespace and resource
 * (`<dir>/<namespace>/deployments.apps.yaml`, cluster-scoped under `<dir>/_cluster/`, a name no
 * namespace can have), plus `SNAPSHOT.txt` saying where and when, and what could not be read.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { K8sObject, Resource } from '../../model/types.js';
import type { CoverageGap } from '../../scan/types.js';
import { CLUSTER_CATALOG, qualifiedResource } from './catalog.js';
import { isCoreSecret, redactSecret } from './sanitize.js';

export const CLUSTER_SCOPED_DIR = '_cluster';

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

export interface SnapshotInfo {
  server: string;
  context?: string;
  /** ISO time the snapshot was taken. */
  takenAt: string;
  tool: string;
  gaps: CoverageGap[];
}

export interface SnapshotWritten {
  files: string[];
  objects: number;
}

function fileStem(o: K8sObject): string {
  const slash = o.apiVersion.indexOf('/');
  const group = slash >= 0 ? o.apiVersion.slice(0, slash) : '';
  const entry = CLUSTER_CATALOG.find((e) => e.kind === o.kind && e.group === group);
  return entry ? qualifiedResource(entry) : group ? `${o.kind.toLowerCase()}.${group}` : o.kind.toLowerCase();
}

/** Defence in depth: a Secret is written without values even if the caller read them. */
function redact(o: K8sObject): K8sObject {
  return isCoreSecret(o) ? redactSecret(o) : o;
}

export async function writeSnapshot(dir: string, resources: readonly Resource[], info: SnapshotInfo): Promise<SnapshotWritten> {
  await mkdir(dir, { recursive: true });
  const existing = await readdir(dir);
  if (existing.length > 0) throw new SnapshotError(`output directory ${dir} is not empty; choose a new or empty directory`);
  const groups = new Map<string, K8sObject[]>();
  for (const r of resources) {
    const o = redact(r.object);
    const ns = o.kind === 'Namespace' ? CLUSTER_SCOPED_DIR : (o.metadata?.namespace ?? CLUSTER_SCOPED_DIR);
    const key = join(ns, `${fileStem(o)}.yaml`);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const files: string[] = [];
  for (const [rel, objects] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const path = join(dir, rel);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n'));
    files.push(rel);
  }
  const lines = [
    `Rampart cluster snapshot (${info.tool})`,
    `server: ${info.server}`,
    ...(info.context !== undefined ? [`context: ${info.context}`] : []),
    `taken: ${info.takenAt}`,
    `objects: ${resources.length} in ${files.length} files`,
    'Secrets, if present, carry metadata only: values are never written.',
    `coverage gaps: ${info.gaps.length === 0 ? 'none' : ''}`,
    ...info.gaps.map((g) => `  - ${g.kind}${g.namespace !== undefined ? ` in ${g.namespace}` : ''}: ${g.reason}`),
    '',
    `Reproduce the scan offline: rampart scan ${dir}`,
    '',
  ];
  await writeFile(join(dir, 'SNAPSHOT.txt'), lines.join('\n'));
  return { files, objects: resources.length };
}
