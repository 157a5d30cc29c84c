/**
 * Kubeconfig resolution with kubectl's precedence:
 *   1. `--kubeconfig <file>` (one file, must exist);
 *   2. `$KUBECONFIG` (a path list; missing files are skipped; for clusters, users and contexts
 *      of the same name, and for current-context, the first file that sets it wins);
 *   3. `~/.kube/config`;
 *   4. in-cluster service-account credentials.
 * `--context` picks a context; otherwise `current-context` must name one. Relative file paths
 * (certificates, keys, token files, exec commands with a slash) are relative to the kubeconfig
 * file that names them, as in kubectl.
 *
 * Parsed here rather than by `@kubernetes/client-node`: its v2 pulls in undici 8, which does not
 * load on Node 20 (see docs/cluster.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { KubeconfigError } from './errors.js';

export interface KubeconfigOptions {
  /** Explicit kubeconfig file (`--kubeconfig`). */
  kubeconfig?: string;
  /** Context to use (`--context`); defaults to the kubeconfig's current-context. */
  context?: string;
  /** Environment (for `KUBECONFIG`, `HOME`, in-cluster detection); defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

export interface ClusterEntry {
  server: string;
  certificateAuthority?: string;
  certificateAuthorityData?: string;
  insecureSkipTlsVerify?: boolean;
  tlsServerName?: string;
}

export interface ExecConfig {
  command: string;
  args: string[];
  env: { name: string; value: string }[];
  apiVersion: string;
  provideClusterInfo: boolean;
}

export interface UserEntry {
  token?: string;
  tokenFile?: string;
  clientCertificate?: string;
  clientCertificateData?: string;
  clientKey?: string;
  clientKeyData?: string;
  username?: string;
  password?: string;
  exec?: ExecConfig;
  authProvider?: string;
  impersonate?: string;
  impersonateGroups?: string[];
}

export interface ContextEntry {
  cluster: string;
  user: string;
  namespace?: string;
}

export interface ResolvedKubeconfig {
  context: string;
  clusterName: string;
  cluster: ClusterEntry;
  userName: string;
  user: UserEntry;
  /** The context's default namespace, when it sets one. */
  namespace?: string;
  /** Where the configuration came from (file paths, or `in-cluster`). */
  origin: string;
  /** Every context defined, for messages and `--context` completion. */
  contexts: string[];
}

interface RawConfig {
  clusters: Map<string, ClusterEntry>;
  users: Map<string, UserEntry>;
  contexts: Map<string, ContextEntry>;
  currentContext: string;
}

const IN_CLUSTER_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function namedEntries(doc: Dict, key: string, inner: string, file: string): [string, Dict][] {
  const list = doc[key];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new KubeconfigError(`kubeconfig ${file}: "${key}" must be a list`);
  const out: [string, Dict][] = [];
  for (const item of list) {
    if (!isDict(item) || !str(item['name'])) throw new KubeconfigError(`kubeconfig ${file}: every entry of "${key}" needs a name`);
    out.push([item['name'] as string, isDict(item[inner]) ? (item[inner] as Dict) : {}]);
  }
  return out;
}

/** Makes a path from the kubeconfig absolute, relative to the file's directory. */
function rel(base: string, p: string | undefined): string | undefined {
  return p === undefined ? undefined : isAbsolute(p) ? p : join(base, p);
}

function setIf<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v !== undefined) o[k] = v;
}

function parseFile(file: string): RawConfig {
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new KubeconfigError(`cannot read kubeconfig ${file}: ${(err as Error).message}`, { cause: err });
  }
  if (doc === null || doc === undefined) doc = {};
  if (!isDict(doc)) throw new KubeconfigError(`kubeconfig ${file} is not a mapping`);
  const base = dirname(resolve(file));
  const clusters = new Map<string, ClusterEntry>();
  for (const [name, c] of namedEntries(doc, 'clusters', 'cluster', file)) {
    const e: ClusterEntry = { server: str(c['server']) ?? '' };
    setIf(e, 'certificateAuthority', rel(base, str(c['certificate-authority'])));
    setIf(e, 'certificateAuthorityData', str(c['certificate-authority-data']));
    if (c['insecure-skip-tls-verify'] === true) e.insecureSkipTlsVerify = true;
    setIf(e, 'tlsServerName', str(c['tls-server-name']));
    if (!clusters.has(name)) clusters.set(name, e);
  }
  const users = new Map<string, UserEntry>();
  for (const [name, u] of namedEntries(doc, 'users', 'user', file)) {
    const e: UserEntry = {};
    setIf(e, 'token', str(u['token']));
    setIf(e, 'tokenFile', rel(base, str(u['tokenFile'])));
    setIf(e, 'clientCertificate', rel(base, str(u['client-certificate'])));
    setIf(e, 'clientCertificateData', str(u['client-certificate-data']));
    setIf(e, 'clientKey', rel(base, str(u['client-key'])));
    setIf(e, 'clientKeyData', str(u['client-key-data']));
    setIf(e, 'username', str(u['username']));
    setIf(e, 'password', str(u['password']));
    setIf(e, 'impersonate', str(u['as']));
    if (Array.isArray(u['as-groups'])) e.impersonateGroups = u['as-groups'].filter((g): g is string => typeof g === 'string');
    if (isDict(u['auth-provider'])) e.authProvider = str(u['auth-provider']['name']) ?? 'unnamed';
    const ex = u['exec'];
    if (isDict(ex)) {
      const command = str(ex['command']);
      if (!command) throw new KubeconfigError(`kubeconfig ${file}: user "${name}" has an exec section without a command`);
      e.exec = {
        // kubectl: a command with a path separator is relative to the kubeconfig; a bare name is looked up on PATH.
        command: command.includes('/') ? (rel(base, command) as string) : command,
        args: Array.isArray(ex['args']) ? ex['args'].map(String) : [],
        env: Array.isArray(ex['env']) ? ex['env'].filter(isDict).map((v) => ({ name: String(v['name']), value: String(v['value'] ?? '') })) : [],
        apiVersion: str(ex['apiVersion']) ?? 'client.authentication.k8s.io/v1',
        provideClusterInfo: ex['provideClusterInfo'] === true,
      };
    }
    if (!users.has(name)) users.set(name, e);
  }
  const contexts = new Map<string, ContextEntry>();
  for (const [name, c] of namedEntries(doc, 'contexts', 'context', file)) {
    const e: ContextEntry = { cluster: str(c['cluster']) ?? '', user: str(c['user']) ?? '' };
    setIf(e, 'namespace', str(c['namespace']));
    if (!contexts.has(name)) contexts.set(name, e);
  }
  return { clusters, users, contexts, currentContext: str(doc['current-context']) ?? '' };
}

/** kubectl's merge rule: the first file to define a name (or current-context) wins. */
export function mergeFirstWins(configs: RawConfig[]): RawConfig {
  const out: RawConfig = { clusters: new Map(), users: new Map(), contexts: new Map(), currentContext: '' };
  for (const c of configs) {
    for (const [k, v] of c.clusters) if (!out.clusters.has(k)) out.clusters.set(k, v);
    for (const [k, v] of c.users) if (!out.users.has(k)) out.users.set(k, v);
    for (const [k, v] of c.contexts) if (!out.contexts.has(k)) out.contexts.set(k, v);
    if (!out.currentContext) out.currentContext = c.currentContext;
  }
  return out;
}

function inCluster(env: Record<string, string | undefined>): RawConfig | undefined {
  const host = env['KUBERNETES_SERVICE_HOST'];
  const port = env['KUBERNETES_SERVICE_PORT'];
  if (!host || !port || !existsSync(join(IN_CLUSTER_DIR, 'token'))) return undefined;
  const server = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const namespaceFile = join(IN_CLUSTER_DIR, 'namespace');
  const ctx: ContextEntry = { cluster: 'in-cluster', user: 'in-cluster' };
  if (existsSync(namespaceFile)) ctx.namespace = readFileSync(namespaceFile, 'utf8').trim();
  return {
    clusters: new Map([['in-cluster', { server, certificateAuthority: join(IN_CLUSTER_DIR, 'ca.crt') }]]),
    users: new Map([['in-cluster', { tokenFile: join(IN_CLUSTER_DIR, 'token') }]]),
    contexts: new Map([['in-cluster', ctx]]),
    currentContext: 'in-cluster',
  };
}

function loadRaw(options: KubeconfigOptions): { raw: RawConfig; origin: string } {
  const env = options.env ?? process.env;
  if (options.kubeconfig) {
    if (!existsSync(options.kubeconfig)) throw new KubeconfigError(`kubeconfig ${options.kubeconfig} does not exist`);
    return { raw: parseFile(options.kubeconfig), origin: options.kubeconfig };
  }
  const fromEnv = (env['KUBECONFIG'] ?? '').split(delimiter).filter((f) => f.length > 0);
  if (fromEnv.length > 0) {
    const present = fromEnv.filter((f) => existsSync(f));
    if (present.length === 0) throw new KubeconfigError(`none of the files in KUBECONFIG exist: ${fromEnv.join(delimiter)}`);
    return { raw: mergeFirstWins(present.map(parseFile)), origin: present.join(delimiter) };
  }
  const home = env['HOME'] ?? env['USERPROFILE'];
  if (home) {
    const file = join(home, '.kube', 'config');
    if (existsSync(file)) return { raw: parseFile(file), origin: file };
  }
  const ic = inCluster(env);
  if (ic) return { raw: ic, origin: 'in-cluster' };
  throw new KubeconfigError('no kubeconfig found: pass --kubeconfig, set KUBECONFIG, or create ~/.kube/config');
}

/** Loads and validates the kubeconfig and selects the context. Throws `KubeconfigError`. */
export function resolveKubeconfig(options: KubeconfigOptions = {}): ResolvedKubeconfig {
  const { raw, origin } = loadRaw(options);
  const contexts = [...raw.contexts.keys()];
  const available = `available: ${contexts.join(', ') || 'none'}`;
  const contextName = options.context ?? raw.currentContext;
  if (!contextName) throw new KubeconfigError(`kubeconfig ${origin} has no current-context; pass --context (${available})`);
  const ctx = raw.contexts.get(contextName);
  if (!ctx) throw new KubeconfigError(`context "${contextName}" not found in ${origin} (${available})`);
  const cluster = raw.clusters.get(ctx.cluster);
  if (!cluster) throw new KubeconfigError(`context "${contextName}" refers to cluster "${ctx.cluster}", which is not defined in ${origin}`);
  if (!cluster.server) throw new KubeconfigError(`cluster "${ctx.cluster}" in ${origin} has no server`);
  let user: UserEntry = {};
  if (ctx.user) {
    const u = raw.users.get(ctx.user);
    if (!u) throw new KubeconfigError(`context "${contextName}" refers to user "${ctx.user}", which is not defined in ${origin}`);
    user = u;
  }
  if (user.authProvider) {
    throw new KubeconfigError(`user "${ctx.user}" uses the removed auth-provider "${user.authProvider}"; configure an exec credential plugin instead (as kubectl requires since v1.26)`);
  }
  const out: ResolvedKubeconfig = { context: contextName, clusterName: ctx.cluster, cluster, userName: ctx.user, user, origin, contexts };
  if (ctx.namespace) out.namespace = ctx.namespace;
  return out;
}
