/**
 * Starts a real etcd + kube-apiserver on loopback ports for one integration test file, with RBAC
 * (`--authorization-mode=Node,RBAC`), PodSecurity admission, TLS from a throw-away CA, and four
 * identities:
 *   - `admin` (static token, group system:masters),
 *   - `cert-admin` (client certificate, O=system:masters),
 *   - `restricted` (static token, no groups: only what tests bind to it),
 *   - `cert-user` (client certificate, no groups).
 * Writes a kubeconfig with one context per identity. `stop()` kills both process groups.
 *
 * Binaries come from scripts/k8s/ensure-binaries.ts (run it first; CI does).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { binaryPaths } from '../../../scripts/k8s/versions.js';
import { isCached } from '../../../scripts/k8s/ensure-binaries.js';
import { freeLoopbackPort } from '../../../src/input/cluster/test-ports.js';
import { HttpTransport, requestJson, resolveKubeconfig, type ApiRequest } from '../../../src/input/cluster/index.js';

export interface ApiServer {
  /** https://127.0.0.1:<port> */
  server: string;
  dir: string;
  caFile: string;
  caData: string;
  /** Kubeconfig with contexts admin (current), cert-admin, restricted, cert-user. */
  kubeconfig: string;
  adminToken: string;
  restrictedToken: string;
  /** Client certificate/key files per certificate identity. */
  certs: Record<'cert-admin' | 'cert-user', { cert: string; key: string }>;
  /** A JSON request as admin; throws on non-2xx (ApiStatusError). */
  admin(path: string, req?: ApiRequest): Promise<unknown>;
  /** Tails of the process logs, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

const freePort = freeLoopbackPort;

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A CA, a serving certificate for 127.0.0.1/localhost, and client certificates. */
function makePki(dir: string): { ca: string; caKey: string; serverCert: string; serverKey: string; client: (name: string, cn: string, org?: string) => { cert: string; key: string } } {
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=rampart-test-ca']);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=kube-apiserver']);
  openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext']);
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  const client = (name: string, cn: string, org?: string): { cert: string; key: string } => {
    openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}${org ? `/O=${org}` : ''}`]);
    openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', 'client.ext']);
    return { cert: join(dir, `${name}.crt`), key: join(dir, `${name}.key`) };
  };
  return { ca: join(dir, 'ca.crt'), caKey: join(dir, 'ca.key'), serverCert: join(dir, 'server.crt'), serverKey: join(dir, 'server.key'), client };
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  // Last resort if a test file dies without running its `after`: never leave servers behind.
  for (const c of children) if (c.pid) try { process.kill(-c.pid, 'SIGKILL'); } catch { /* already gone */ }
});

function startGroup(bin: string, args: string[], logFile: string): ChildProcess {
  const fd = openSync(logFile, 'a');
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch { /* gone */ }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export function writeKubeconfig(file: string, spec: { server: string; caFile?: string; caData?: string; current?: string; contexts: { name: string; user: Record<string, unknown>; namespace?: string }[] }): void {
  const cluster: Record<string, unknown> = { server: spec.server };
  if (spec.caFile) cluster['certificate-authority'] = spec.caFile;
  if (spec.caData) cluster['certificate-authority-data'] = spec.caData;
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'test', cluster }],
    users: spec.contexts.map((c) => ({ name: c.name, user: c.user })),
    contexts: spec.contexts.map((c) => ({ name: c.name, context: { cluster: 'test', user: c.name, ...(c.namespace ? { namespace: c.namespace } : {}) } })),
    'current-context': spec.current ?? spec.contexts[0]?.name ?? '',
  };
  writeFileSync(file, stringify(doc), { mode: 0o600 });
}

export interface StartOptions {
  readyTimeoutMs?: number;
  /** Also run the upstream ClusterRole aggregation controller (as kube-controller-manager would). */
  aggregator?: boolean;
}

export async function startApiServer(opts: StartOptions = {}): Promise<ApiServer> {
  const bins = binaryPaths();
  const needed = [bins.kubeApiserver, bins.etcd, ...(opts.aggregator ? [bins.aggregator] : [])];
  if (!isCached(bins) && needed.some((b) => !existsSync(b))) {
    throw new Error(`kube-apiserver/etcd not built yet in ${bins.cacheDir}: run \`node --import tsx scripts/k8s/ensure-binaries.ts\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'rampart-apiserver-'));
  const pki = makePki(dir);
  const certs = { 'cert-admin': pki.client('cert-admin', 'cert-admin', 'system:masters'), 'cert-user': pki.client('cert-user', 'cert-user') };
  const sa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(join(dir, 'sa.key'), sa.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(join(dir, 'sa.pub'), sa.publicKey.export({ type: 'spki', format: 'pem' }));
  const adminToken = randomBytes(16).toString('hex');
  const restrictedToken = randomBytes(16).toString('hex');
  writeFileSync(join(dir, 'tokens.csv'), `${adminToken},admin,admin-uid,"system:masters"\n${restrictedToken},restricted,restricted-uid\n`, { mode: 0o600 });

  const [etcdClient, etcdPeer, securePort] = [await freePort(), await freePort(), await freePort()];
  const etcdLog = join(dir, 'etcd.log');
  const apiLog = join(dir, 'kube-apiserver.log');
  const etcd = startGroup(bins.etcd, [
    '--name=rampart',
    `--data-dir=${join(dir, 'etcd')}`,
    `--listen-client-urls=http://127.0.0.1:${etcdClient}`,
    `--advertise-client-urls=http://127.0.0.1:${etcdClient}`,
    `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`,
    `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
    `--initial-cluster=rampart=http://127.0.0.1:${etcdPeer}`,
    '--unsafe-no-fsync',
    '--log-level=warn',
  ], etcdLog);
  const apiserver = startGroup(bins.kubeApiserver, [
    `--etcd-servers=http://127.0.0.1:${etcdClient}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${securePort}`,
    `--cert-dir=${join(dir, 'certs')}`,
    `--tls-cert-file=${pki.serverCert}`,
    `--tls-private-key-file=${pki.serverKey}`,
    `--client-ca-file=${pki.ca}`,
    `--token-auth-file=${join(dir, 'tokens.csv')}`,
    '--authorization-mode=Node,RBAC',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${join(dir, 'sa.pub')}`,
    `--service-account-signing-key-file=${join(dir, 'sa.key')}`,
    '--service-cluster-ip-range=10.96.0.0/16',
    '--allow-privileged=true',
    // No controller-manager creates `default` service accounts here; the ServiceAccount plugin would reject every pod.
    '--disable-admission-plugins=ServiceAccount',
    '--enable-priority-and-fairness=false',
    '--profiling=false',
    '--endpoint-reconciler-type=none',
    '--v=0',
  ], apiLog);

  const server = `https://127.0.0.1:${securePort}`;
  const kubeconfig = join(dir, 'kubeconfig');
  writeKubeconfig(kubeconfig, {
    server,
    caFile: pki.ca,
    contexts: [
      { name: 'admin', user: { token: adminToken } },
      { name: 'cert-admin', user: { 'client-certificate': certs['cert-admin'].cert, 'client-key': certs['cert-admin'].key } },
      { name: 'restricted', user: { token: restrictedToken } },
      { name: 'cert-user', user: { 'client-certificate': certs['cert-user'].cert, 'client-key': certs['cert-user'].key } },
    ],
  });
  const transport = new HttpTransport(resolveKubeconfig({ kubeconfig, context: 'admin' }));
  const logs = (): string => `--- etcd.log\n${tail(etcdLog)}\n--- kube-apiserver.log\n${tail(apiLog)}${opts.aggregator ? `\n--- clusterrole-aggregator.log\n${tail(join(dir, 'clusterrole-aggregator.log'))}` : ''}`;
  let aggregator: ChildProcess | undefined;
  const aggregatorLog = join(dir, 'clusterrole-aggregator.log');
  const stop = async (): Promise<void> => {
    transport.close();
    if (aggregator) await stopGroup(aggregator);
    await stopGroup(apiserver);
    await stopGroup(etcd);
    if (!process.env['RAMPART_KEEP_APISERVER_DIR']) rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 90_000);
  for (;;) {
    if (apiserver.exitCode !== null || etcd.exitCode !== null) {
      const out = logs();
      await stop();
      throw new Error(`control plane exited during startup\n${out}`);
    }
    try {
      const res = await transport.request('/readyz');
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const out = logs();
      await stop();
      throw new Error(`kube-apiserver not ready after ${opts.readyTimeoutMs ?? 90_000} ms\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // RBAC bootstrap policy (cluster-admin, system:discovery ...) is written by a post-start hook; /readyz covers it.
  if (opts.aggregator) aggregator = startGroup(bins.aggregator, [`--kubeconfig=${kubeconfig}`], aggregatorLog);
  return {
    server,
    dir,
    caFile: pki.ca,
    caData: readFileSync(pki.ca).toString('base64'),
    kubeconfig,
    adminToken,
    restrictedToken,
    certs,
    admin: (path, req) => requestJson(transport, path, req),
    logs,
    stop,
  };
}
