/**
 * Kubeconfig resolution with kubectl's precedence:
 *   1. `--kubeconfig <file>` (one file, must exist);
 *   2. `$KUBECONFIG` (a path list; missing files are skipped; for clusters, users and contexts
 *      of the same name, and for current-context, the first file that sets it wins);
 *   3. `~/.kube/config`;
 *   4. in-cluster service-account credentials.
 * `--context` picks a context; otherwise `current-context` must name one.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type { Cluster, Context, User } from '@kubernetes/client-node';
import { KubeconfigError } from './errors.js';

export interface KubeconfigOptions {
  /** Explicit kubeconfig file (`--kubeconfig`). */
  kubeconfig?: string;
  /** Context to use (`--context`); defaults to the kubeconfig's current-context. */
  context?: string;
  /** Environment (for `KUBECONFIG`, `HOME`, in-cluster detection); defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

export interface ResolvedKubeconfig {
  /** A KubeConfig whose current context is the selected one. */
  kubeConfig: KubeConfig;
  context: string;
  cluster: string;
  server: string;
  user: string;
  /** The context's default namespace, when it sets one. */
  namespace?: string;
  /** Where the configuration came from (file paths, or `in-cluster`). */
  origin: string;
}

const IN_CLUSTER_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

function loadFile(file: string): KubeConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(file);
  } catch (err) {
    throw new KubeconfigError(`cannot read kubeconfig ${file}: ${(err as Error).message}`, { cause: err });
  }
  return kc;
}

/** kubectl's merge rule: the first file to define a name (or current-context) wins. */
function mergeFirstWins(configs: KubeConfig[]): KubeConfig {
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let currentContext = '';
  for (const kc of configs) {
    for (const c of kc.clusters) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of kc.users) if (!users.has(u.name)) users.set(u.name, u);
    for (const c of kc.contexts) if (!contexts.has(c.name)) contexts.set(c.name, c);
    if (!currentContext && kc.currentContext) currentContext = kc.currentContext;
  }
  const merged = new KubeConfig();
  merged.loadFromOptions({ clusters: [...clusters.values()], users: [...users.values()], contexts: [...contexts.values()], currentContext });
  return merged;
}

function loadRaw(options: KubeconfigOptions): { kc: KubeConfig; origin: string } {
  const env = options.env ?? process.env;
  if (options.kubeconfig) {
    if (!existsSync(options.kubeconfig)) throw new KubeconfigError(`kubeconfig ${options.kubeconfig} does not exist`);
    return { kc: loadFile(options.kubeconfig), origin: options.kubeconfig };
  }
  const fromEnv = (env['KUBECONFIG'] ?? '').split(delimiter).filter((f) => f.length > 0);
  if (fromEnv.length > 0) {
    const present = fromEnv.filter((f) => existsSync(f));
    if (present.length === 0) throw new KubeconfigError(`none of the files in KUBECONFIG exist: ${fromEnv.join(delimiter)}`);
    return { kc: mergeFirstWins(present.map(loadFile)), origin: present.join(delimiter) };
  }
  const home = env['HOME'] ?? env['USERPROFILE'];
  if (home) {
    const file = join(home, '.kube', 'config');
    if (existsSync(file)) return { kc: loadFile(file), origin: file };
  }
  if (env['KUBERNETES_SERVICE_HOST'] && existsSync(IN_CLUSTER_TOKEN)) {
    const kc = new KubeConfig();
    kc.loadFromCluster();
    return { kc, origin: 'in-cluster' };
  }
  throw new KubeconfigError('no kubeconfig found: pass --kubeconfig, set KUBECONFIG, or create ~/.kube/config');
}

/** Loads and validates the kubeconfig and selects the context. Throws `KubeconfigError`. */
export function resolveKubeconfig(options: KubeconfigOptions = {}): ResolvedKubeconfig {
  const { kc, origin } = loadRaw(options);
  const contextName = options.context ?? kc.getCurrentContext();
  const known = kc.getContexts().map((c) => c.name);
  if (!contextName) {
    throw new KubeconfigError(`kubeconfig ${origin} has no current-context; pass --context (available: ${known.join(', ') || 'none'})`);
  }
  const ctx = kc.getContextObject(contextName);
  if (!ctx) throw new KubeconfigError(`context "${contextName}" not found in ${origin} (available: ${known.join(', ') || 'none'})`);
  const cluster = kc.getCluster(ctx.cluster);
  if (!cluster) throw new KubeconfigError(`context "${contextName}" refers to cluster "${ctx.cluster}", which is not defined in ${origin}`);
  if (!cluster.server) throw new KubeconfigError(`cluster "${cluster.name}" in ${origin} has no server`);
  if (ctx.user && !kc.getUser(ctx.user)) {
    throw new KubeconfigError(`context "${contextName}" refers to user "${ctx.user}", which is not defined in ${origin}`);
  }
  kc.setCurrentContext(contextName);
  const resolved: ResolvedKubeconfig = { kubeConfig: kc, context: contextName, cluster: cluster.name, server: cluster.server, user: ctx.user, origin };
  if (ctx.namespace) resolved.namespace = ctx.namespace;
  return resolved;
}
