/**
 * Namespace lookups through the API server, for the webhook's namespace-label cache when it runs
 * in a cluster (service account token, `get namespaces` only). Uses the same kubeconfig resolution
 * and HTTP client as `scan --cluster` (in-cluster credentials). Each lookup has a hard timeout so
 * the webhook always answers within the API server's own webhook timeout.
 */
import type { K8sObject } from '../../model/types.js';
import type { NamespaceLookup } from '../../engines/admission/index.js';
import { ApiStatusError, HttpTransport, requestJson, resolveKubeconfig } from '../../input/cluster/index.js';

export function inCluster(env: Record<string, string | undefined>): boolean {
  return Boolean(env['KUBERNETES_SERVICE_HOST'] && env['KUBERNETES_SERVICE_PORT']);
}

export async function apiServerNamespaceLookup(timeoutMs: number, env: Record<string, string | undefined> = process.env): Promise<NamespaceLookup> {
  // Only the in-cluster variables: never a developer's kubeconfig.
  const resolved = resolveKubeconfig({ env: { KUBERNETES_SERVICE_HOST: env['KUBERNETES_SERVICE_HOST'], KUBERNETES_SERVICE_PORT: env['KUBERNETES_SERVICE_PORT'] } });
  const transport = new HttpTransport(resolved, { timeoutMs });
  return async (name: string): Promise<K8sObject | undefined> => {
    try {
      const ns = (await requestJson(transport, `/api/v1/namespaces/${encodeURIComponent(name)}`)) as { metadata?: { labels?: Record<string, string> } };
      // Only identity and labels are kept: nothing else of the Namespace is needed.
      return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { ...(ns.metadata?.labels ?? {}) } } };
    } catch (e) {
      if (e instanceof ApiStatusError && e.status === 404) return undefined;
      throw e;
    }
  };
}
