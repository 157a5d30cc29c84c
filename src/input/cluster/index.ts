/**
 * Reads a live cluster into `Resource`s, the same shape file input produces, so every engine runs
 * on cluster input unchanged. What cannot be read becomes a `CoverageGap`, never a crash and never
 * silence; an unreachable server or rejected credentials throw a `ClusterError` (CLI exit 2).
 */
import type { K8sObject, Resource, ResourceSource } from '../../model/types.js';
import type { CoverageGap } from '../../scan/types.js';
import { CLUSTER_CATALOG, type CatalogEntry, qualifiedResource } from './catalog.js';
import { type DiscoveredKind, discoverKinds, gapReason } from './discovery.js';
import { ApiStatusError } from './errors.js';
import { type KubeconfigOptions, resolveKubeconfig } from './kubeconfig.js';
import { METADATA_ONLY_ACCEPT, listAll, listPath } from './list.js';
import { createLimiter } from './pool.js';
import { sanitizeItem } from './sanitize.js';
import { type ApiTransport, HttpTransport, requestJson } from './transport.js';

export { ClusterError, ClusterUnauthorizedError, ClusterUnreachableError, KubeconfigError, ApiStatusError } from './errors.js';
export type { ClusterErrorCode } from './errors.js';
export { kubectlPointer, type KubectlPointerOptions } from './pointer.js';
export { resolveKubeconfig, type KubeconfigOptions, type ResolvedKubeconfig } from './kubeconfig.js';
export { CLUSTER_CATALOG, qualifiedResource, type CatalogEntry } from './catalog.js';
export { CredentialSource } from './credentials.js';
export { HttpTransport, requestJson, type ApiTransport, type ApiRequest, type ApiResponse } from './transport.js';

/**
 * How Secrets are read. `skip` (default): not at all. `metadata`: names, labels and annotations
 * only, fetched as PartialObjectMetadata so values never leave the API server (the Secret's
 * `type` is therefore unknown). `values`: full objects including data; never printed by Rampart.
 */
export type SecretMode = 'skip' | 'metadata' | 'values';

export interface ClusterProgress {
  /** Lists finished / lists known so far (grows when a forbidden cluster-wide list fans out). */
  done: number;
  total: number;
  /** `pods`, `deployments.apps` ... of the list just finished. */
  kind: string;
  namespace?: string;
  resources: number;
}

export interface ClusterLoadOptions extends KubeconfigOptions {
  /** Only these namespaces (`--namespace`); default all namespaces. Cluster-scoped kinds are always read. */
  namespaces?: readonly string[];
  /** Namespaces never read (`--exclude-namespaces`). */
  excludeNamespaces?: readonly string[];
  secrets?: SecretMode;
  /**
   * Keep objects whose controller (ownerReference with `controller: true`) was also read, e.g. the
   * ReplicaSets and Pods of a Deployment. Default false: findings appear once, on the object a user
   * edits, as they do for manifests.
   */
  includeOwned?: boolean;
  /** Parallel LIST requests (default 4). */
  concurrency?: number;
  pageSize?: number;
  /** Per-request timeout in milliseconds (default 30 s). */
  timeoutMs?: number;
  /** Kinds to read; default `CLUSTER_CATALOG`. */
  kinds?: readonly CatalogEntry[];
  /** A ready transport (tests, embedding); kubeconfig options are then ignored. */
  transport?: ApiTransport;
  onProgress?: (p: ClusterProgress) => void;
}

export interface ClusterLoadResult {
  resources: Resource[];
  gaps: CoverageGap[];
  server: string;
  /** The kubeconfig context used (absent with an injected transport). */
  context?: string;
}

/** Cluster objects have no file: `locate` finds nothing, findings carry the object reference instead. */
function clusterSource(index: number): ResourceSource {
  return { documentIndex: index, locate: () => undefined };
}

function uidOf(o: K8sObject): string | undefined {
  const uid = o.metadata?.['uid'];
  return typeof uid === 'string' ? uid : undefined;
}

function controllerUid(o: K8sObject): string | undefined {
  const refs = o.metadata?.['ownerReferences'];
  if (!Array.isArray(refs)) return undefined;
  const ctl = refs.find((r: unknown) => (r as { controller?: unknown }).controller === true) as { uid?: unknown } | undefined;
  return typeof ctl?.uid === 'string' ? ctl.uid : undefined;
}

/** Drops objects whose controller was read too (derived objects duplicate their owner's findings). */
export function dropOwned(objects: K8sObject[]): K8sObject[] {
  const uids = new Set(objects.map(uidOf).filter((u): u is string => u !== undefined));
  return objects.filter((o) => {
    const owner = controllerUid(o);
    return owner === undefined || !uids.has(owner);
  });
}

export async function loadCluster(options: ClusterLoadOptions = {}): Promise<ClusterLoadResult> {
  let transport = options.transport;
  let context: string | undefined;
  let contextNamespace: string | undefined;
  let owned: HttpTransport | undefined;
  if (!transport) {
    const resolved = resolveKubeconfig(options);
    owned = new HttpTransport(resolved, options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {});
    transport = owned;
    context = resolved.context;
    contextNamespace = resolved.namespace;
  }
  try {
    const result = await readCluster(transport, options, contextNamespace);
    return { ...result, server: transport.server, ...(context !== undefined ? { context } : {}) };
  } finally {
    owned?.close();
  }
}

async function readCluster(t: ApiTransport, options: ClusterLoadOptions, contextNamespace: string | undefined): Promise<{ resources: Resource[]; gaps: CoverageGap[] }> {
  const secrets = options.secrets ?? 'skip';
  const wanted = (options.kinds ?? CLUSTER_CATALOG).filter((e) => !e.sensitive || secrets !== 'skip');
  const excluded = new Set(options.excludeNamespaces ?? []);
  const only = options.namespaces && options.namespaces.length > 0 ? [...new Set(options.namespaces)].filter((n) => !excluded.has(n)) : undefined;
  const inScope = (ns: string | undefined): boolean => ns === undefined || (!excluded.has(ns) && (only === undefined || only.includes(ns)));
  const limit = createLimiter(options.concurrency ?? 4);

  const { kinds, gaps } = await discoverKinds(t, wanted);
  const objects: K8sObject[] = [];
  const nsKind = kinds.find((k) => k.entry.kind === 'Namespace' && k.entry.group === '');
  let done = 0;
  let total = 0;

  const read = async (k: DiscoveredKind, namespace?: string): Promise<void> => {
    const accept = k.entry.kind === 'Secret' && secrets === 'metadata' ? METADATA_ONLY_ACCEPT : undefined;
    const items = await limit(() =>
      listAll(t, listPath(k.apiVersion, k.entry.resource, namespace), {
        ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
        ...(accept !== undefined ? { accept } : {}),
      }),
    );
    for (const item of items) {
      const obj = sanitizeItem(item, k.apiVersion, k.entry.kind, { secretValues: secrets === 'values' });
      // A Namespace object is in scope when the namespace it names is.
      const scopeKey = k === nsKind ? obj.metadata?.name : k.namespaced ? obj.metadata?.namespace : undefined;
      if (inScope(scopeKey)) objects.push(obj);
    }
    done++;
    options.onProgress?.({ done, total, kind: qualifiedResource(k.entry), ...(namespace !== undefined ? { namespace } : {}), resources: objects.length });
  };
  /** Runs one list; a status error (403, 404, 5xx) becomes a gap, anything else propagates. */
  const attempt = async (k: DiscoveredKind, namespace?: string): Promise<ApiStatusError | undefined> => {
    try {
      await read(k, namespace);
      return undefined;
    } catch (err) {
      if (err instanceof ApiStatusError) return err;
      throw err;
    }
  };
  const gap = (k: DiscoveredKind, err: unknown, namespace?: string, note?: string): void => {
    gaps.push({ kind: qualifiedResource(k.entry), ...(namespace !== undefined ? { namespace } : {}), reason: gapReason(err) + (note ? `; ${note}` : '') });
  };

  // Namespaces first: their names drive the per-namespace fallback, their labels drive Pod Security.
  let knownNamespaces: string[] | undefined = only;
  if (nsKind) {
    total++;
    const before = objects.length;
    const err = await attempt(nsKind);
    if (!err) {
      const listed = objects.slice(before).map((o) => o.metadata?.name ?? '').filter((n) => n && inScope(n));
      // A namespace asked for by name that does not exist is worth saying: it is likely a typo.
      for (const n of only ?? []) if (!listed.includes(n)) gaps.push({ kind: 'namespaces', namespace: n, reason: 'namespace not found' });
      knownNamespaces ??= listed;
    } else if (only) {
      // Listing is forbidden but the user named namespaces: GET each one.
      for (const ns of only) {
        try {
          const obj = (await limit(() => requestJson(t, `/api/v1/namespaces/${encodeURIComponent(ns)}`))) as Record<string, unknown>;
          objects.push(sanitizeItem(obj, 'v1', 'Namespace'));
        } catch (e) {
          if (!(e instanceof ApiStatusError)) throw e;
          gaps.push({ kind: 'namespaces', namespace: ns, reason: gapReason(e) });
        }
      }
    } else {
      gap(nsKind, err);
    }
  }

  const rest = kinds.filter((k) => k !== nsKind);
  total += rest.reduce((n, k) => n + (k.namespaced && only ? only.length : 1), 0);
  await Promise.all(
    rest.map(async (k) => {
      if (!k.namespaced) {
        const err = await attempt(k);
        if (err) gap(k, err);
        return;
      }
      if (only) {
        await Promise.all(only.map(async (ns) => {
          const err = await attempt(k, ns);
          if (err) gap(k, err, ns);
        }));
        return;
      }
      const err = await attempt(k);
      if (!err) return;
      if (err.status !== 403) return gap(k, err);
      // Forbidden cluster-wide: a namespace-scoped Role may still allow it namespace by namespace.
      const fallback = knownNamespaces ?? (contextNamespace !== undefined && inScope(contextNamespace) ? [contextNamespace] : []);
      if (!knownNamespaces) gap(k, err, undefined, fallback.length > 0 ? `namespaces could not be listed, only ${fallback.join(', ')} was tried` : 'namespaces could not be listed');
      total += fallback.length;
      await Promise.all(fallback.map(async (ns) => {
        const e = await attempt(k, ns);
        if (e) gap(k, e, ns);
      }));
    }),
  );

  const kept = sortObjects(options.includeOwned ? objects : dropOwned(objects), wanted);
  return { resources: kept.map((object, i) => ({ object, source: clusterSource(i) })), gaps: sortGaps(gaps) };
}

/** Deterministic output whatever the order lists finished in: catalog order, then namespace, then name. */
function sortObjects(objects: K8sObject[], catalog: readonly CatalogEntry[]): K8sObject[] {
  const rank = new Map(catalog.map((e, i) => [e.kind, i]));
  const key = (o: K8sObject): [number, string, string] => [rank.get(o.kind) ?? catalog.length, o.metadata?.namespace ?? '', o.metadata?.name ?? ''];
  return [...objects].sort((a, b) => {
    const [ra, na, ma] = key(a);
    const [rb, nb, mb] = key(b);
    return ra - rb || na.localeCompare(nb) || ma.localeCompare(mb);
  });
}

function sortGaps(gaps: CoverageGap[]): CoverageGap[] {
  return [...gaps].sort((a, b) => a.kind.localeCompare(b.kind) || (a.namespace ?? '').localeCompare(b.namespace ?? ''));
}

/** `could not list secrets in kube-system: forbidden`, for summaries and stderr. */
export function formatGap(g: CoverageGap): string {
  return `could not list ${g.kind}${g.namespace !== undefined ? ` in ${g.namespace}` : ''}: ${g.reason}`;
}
