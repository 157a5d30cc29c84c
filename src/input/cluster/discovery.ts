/**
 * Discovery: which of the catalog's kinds the server serves, at which version, and whether they
 * are namespaced. Uses the group's preferred version when it serves the resource (as kubectl
 * does), else the first served version that does.
 */
import type { CoverageGap } from '../../scan/types.js';
import { type CatalogEntry, qualifiedResource } from './catalog.js';
import { ApiStatusError } from './errors.js';
import { type ApiTransport, requestJson } from './transport.js';

export interface DiscoveredKind {
  entry: CatalogEntry;
  /** `v1`, `apps/v1`, `policy.networking.k8s.io/v1alpha1`. */
  apiVersion: string;
  namespaced: boolean;
}

interface ApiResource {
  name: string;
  namespaced: boolean;
  kind: string;
  verbs?: string[];
}

interface GroupVersions {
  versions: string[];
  preferred: string | undefined;
}

export function gapReason(err: unknown): string {
  if (err instanceof ApiStatusError) {
    if (err.status === 403) return 'forbidden';
    if (err.status === 404) return 'not found';
    return `${err.reason} (HTTP ${err.status})${err.message ? `: ${err.message}` : ''}`;
  }
  return (err as Error).message ?? String(err);
}

function groupVersionPath(gv: string): string {
  return gv.includes('/') ? `/apis/${gv}` : `/api/${gv}`;
}

async function groups(t: ApiTransport): Promise<Map<string, GroupVersions>> {
  const out = new Map<string, GroupVersions>();
  const core = (await requestJson(t, '/api')) as { versions?: string[] };
  out.set('', { versions: core.versions ?? ['v1'], preferred: core.versions?.[0] ?? 'v1' });
  const list = (await requestJson(t, '/apis')) as {
    groups?: { name: string; versions?: { groupVersion: string }[]; preferredVersion?: { groupVersion: string } }[];
  };
  for (const g of list.groups ?? []) {
    out.set(g.name, { versions: (g.versions ?? []).map((v) => v.groupVersion), preferred: g.preferredVersion?.groupVersion });
  }
  return out;
}

/**
 * Resolves every wanted catalog entry. Missing required kinds and failed group discovery become
 * coverage gaps; an unreachable server or rejected credentials throw (nothing could be read).
 */
export async function discoverKinds(t: ApiTransport, wanted: readonly CatalogEntry[]): Promise<{ kinds: DiscoveredKind[]; gaps: CoverageGap[] }> {
  const kinds: DiscoveredKind[] = [];
  const gaps: CoverageGap[] = [];
  const served = await groups(t);
  const resourceCache = new Map<string, Promise<ApiResource[]>>();
  const resourcesOf = (gv: string): Promise<ApiResource[]> => {
    let p = resourceCache.get(gv);
    if (!p) {
      p = requestJson(t, groupVersionPath(gv)).then((b) => ((b as { resources?: ApiResource[] }).resources ?? []).filter((r) => !r.name.includes('/')));
      resourceCache.set(gv, p);
    }
    return p;
  };
  for (const entry of wanted) {
    const g = served.get(entry.group);
    if (!g) {
      if (!entry.optional) gaps.push({ kind: qualifiedResource(entry), reason: `API group "${entry.group}" is not served by this API server` });
      continue;
    }
    const order = [...(g.preferred ? [g.preferred] : []), ...g.versions.filter((v) => v !== g.preferred)];
    let found: DiscoveredKind | undefined;
    let failure: unknown;
    for (const gv of order) {
      let resources: ApiResource[];
      try {
        resources = await resourcesOf(gv);
      } catch (err) {
        if (!(err instanceof ApiStatusError)) throw err;
        failure = err;
        continue;
      }
      const r = resources.find((x) => x.name === entry.resource && (x.verbs === undefined || x.verbs.includes('list')));
      if (r) {
        found = { entry, apiVersion: gv, namespaced: r.namespaced };
        break;
      }
    }
    if (found) kinds.push(found);
    else if (failure !== undefined) gaps.push({ kind: qualifiedResource(entry), reason: `discovery failed: ${gapReason(failure)}` });
    else if (!entry.optional) gaps.push({ kind: qualifiedResource(entry), reason: 'not served by this API server' });
  }
  return { kinds, gaps };
}
