/**
 * Pinned versions and cache locations for the real control-plane binaries used by the
 * integration suite. Nothing here is committed as a binary: `ensure-binaries.ts` builds them
 * from the Go module proxy into a cache directory outside the repository.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The Kubernetes release whose kube-apiserver the integration suite runs against. */
export const KUBERNETES_VERSION = 'v1.36.3';

/** Staging modules (k8s.io/api, k8s.io/apiserver, ...) are published as v0.<minor>.<patch>. */
export function stagingVersion(kubernetesVersion: string): string {
  const m = /^v1\.(\d+)\.(\d+)$/.exec(kubernetesVersion);
  if (!m) throw new Error(`unexpected Kubernetes version ${kubernetesVersion}`);
  return `v0.${m[1]}.${m[2]}`;
}

export interface BinaryPaths {
  cacheDir: string;
  kubeApiserver: string;
  etcd: string;
  /** Runs only the upstream ClusterRole aggregation controller (for the RBAC oracle). */
  aggregator: string;
  manifest: string;
}

/** `${RAMPART_K8S_CACHE:-$HOME/.cache/rampart/k8s-<version>}`: shared by CI runs and clones on one machine. */
export function binaryPaths(env: NodeJS.ProcessEnv = process.env): BinaryPaths {
  const cacheDir = env['RAMPART_K8S_CACHE'] || join(homedir(), '.cache', 'rampart', `k8s-${KUBERNETES_VERSION}`);
  return {
    cacheDir,
    kubeApiserver: join(cacheDir, 'bin', 'kube-apiserver'),
    etcd: join(cacheDir, 'bin', 'etcd'),
    aggregator: join(cacheDir, 'bin', 'clusterrole-aggregator'),
    manifest: join(cacheDir, 'bin', 'manifest.json'),
  };
}
