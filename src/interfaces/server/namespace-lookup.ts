/**
 * Namespace lookups through the API server, for the webhook's namespace-label cache when it runs
 * in a cluster (service account token, `get namespaces` only). Loaded lazily: outside a cluster
 * client-node is never imported. Each lookup has a hard timeout so the webhook always answers
 * within the API server's own webhook timeout.
 */
import type { K8sObject } from '../../model/types.js';
import type { NamespaceLookup } from '../../engines/admission/index.js';

export function inCluster(env: Record<string, string | undefined>): boolean {
  return Boolean(env['KUBERNETES_SERVICE_HOST'] && env['KUBERNETES_SERVICE_PORT']);
}

export async function apiServerNamespaceLookup(timeoutMs: number): Promise<NamespaceLookup> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  kc.loadFromCluster();
  const api = kc.makeApiClient(k8s.CoreV1Api);
  return async (name: string): Promise<K8sObject | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`namespace lookup timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const ns = await Promise.race([api.readNamespace({ name }), timeout]);
      // Only identity and labels are kept: nothing else of the Namespace is needed.
      const labels = (ns.metadata?.labels ?? {}) as Record<string, string>;
      return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
    } finally {
      clearTimeout(timer);
    }
  };
}
