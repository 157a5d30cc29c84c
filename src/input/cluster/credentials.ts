/**
 * Credentials and TLS settings for one kubeconfig context: static tokens, token files, basic
 * auth, client certificates, impersonation, and exec credential plugins (the mechanism EKS, GKE
 * and AKS use). An exec plugin is the user's own configured command, run like kubectl does it:
 * execFile with an argument array (never a shell), non-interactive, result cached until expiry.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { KubeconfigError } from './errors.js';
import type { ClusterEntry, ExecConfig, ResolvedKubeconfig, UserEntry } from './kubeconfig.js';

export interface TlsSettings {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  rejectUnauthorized: boolean;
  servername?: string;
}

export interface RequestCredentials {
  tls: TlsSettings;
  headers: Record<string, string | string[]>;
}

function readPem(file: string | undefined, data: string | undefined, what: string): Buffer | undefined {
  if (data) return Buffer.from(data, 'base64');
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch (err) {
    throw new KubeconfigError(`cannot read ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
}

function clusterTls(c: ClusterEntry): TlsSettings {
  const tls: TlsSettings = { rejectUnauthorized: !c.insecureSkipTlsVerify };
  const ca = readPem(c.certificateAuthority, c.certificateAuthorityData, 'certificate authority');
  if (ca) tls.ca = ca;
  if (c.tlsServerName) tls.servername = c.tlsServerName;
  return tls;
}

interface ExecResult {
  token?: string;
  cert?: Buffer;
  key?: Buffer;
  /** Epoch ms; undefined = valid for the life of the process. */
  expires?: number;
}

function runExec(exec: ExecConfig, cluster: ClusterEntry, env: NodeJS.ProcessEnv): Promise<ExecResult> {
  const spec: Record<string, unknown> = { interactive: false };
  if (exec.provideClusterInfo) {
    const info: Record<string, unknown> = { server: cluster.server, 'insecure-skip-tls-verify': cluster.insecureSkipTlsVerify === true };
    if (cluster.tlsServerName) info['tls-server-name'] = cluster.tlsServerName;
    const ca = readPem(cluster.certificateAuthority, cluster.certificateAuthorityData, 'certificate authority');
    if (ca) info['certificate-authority-data'] = ca.toString('base64');
    spec['cluster'] = info;
  }
  const childEnv: NodeJS.ProcessEnv = { ...env, KUBERNETES_EXEC_INFO: JSON.stringify({ apiVersion: exec.apiVersion, kind: 'ExecCredential', spec }) };
  for (const v of exec.env) childEnv[v.name] = v.value;
  return new Promise((resolve, reject) => {
    execFile(exec.command, exec.args, { env: childEnv, timeout: 60_000, maxBuffer: 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const detail = String(stderr).trim().split('\n').slice(-3).join(' | ') || err.message;
        reject(new KubeconfigError(`exec credential plugin "${exec.command}" failed: ${detail}`, { cause: err }));
        return;
      }
      let parsed: { status?: { token?: string; clientCertificateData?: string; clientKeyData?: string; expirationTimestamp?: string } };
      try {
        parsed = JSON.parse(String(stdout)) as typeof parsed;
      } catch {
        reject(new KubeconfigError(`exec credential plugin "${exec.command}" did not print an ExecCredential`));
        return;
      }
      const s = parsed.status ?? {};
      const out: ExecResult = {};
      if (s.token) out.token = s.token;
      if (s.clientCertificateData && s.clientKeyData) {
        out.cert = Buffer.from(s.clientCertificateData);
        out.key = Buffer.from(s.clientKeyData);
      }
      if (!out.token && !out.cert) {
        reject(new KubeconfigError(`exec credential plugin "${exec.command}" returned neither a token nor a client certificate`));
        return;
      }
      if (s.expirationTimestamp) out.expires = Date.parse(s.expirationTimestamp);
      resolve(out);
    });
  });
}

/** Produces per-request credentials; static ones are computed once, exec ones on expiry. */
export class CredentialSource {
  private readonly baseTls: TlsSettings;
  private readonly user: UserEntry;
  private readonly cluster: ClusterEntry;
  private exec: Promise<ExecResult> | undefined;

  constructor(
    resolved: ResolvedKubeconfig,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.cluster = resolved.cluster;
    this.user = resolved.user;
    this.baseTls = clusterTls(resolved.cluster);
    const cert = readPem(this.user.clientCertificate, this.user.clientCertificateData, 'client certificate');
    const key = readPem(this.user.clientKey, this.user.clientKeyData, 'client key');
    if ((cert === undefined) !== (key === undefined)) throw new KubeconfigError(`user "${resolved.userName}" has a client certificate without a key, or a key without a certificate`);
    if (cert && key) {
      this.baseTls.cert = cert;
      this.baseTls.key = key;
    }
  }

  async get(): Promise<RequestCredentials> {
    const tls: TlsSettings = { ...this.baseTls };
    const headers: Record<string, string | string[]> = {};
    const u = this.user;
    if (u.token) headers['Authorization'] = `Bearer ${u.token}`;
    else if (u.tokenFile) headers['Authorization'] = `Bearer ${readPem(u.tokenFile, undefined, 'token file')?.toString('utf8').trim()}`;
    else if (u.username !== undefined) headers['Authorization'] = `Basic ${Buffer.from(`${u.username}:${u.password ?? ''}`).toString('base64')}`;
    if (u.exec && !u.token && !u.tokenFile) {
      let current = this.exec ? await this.exec : undefined;
      // Refresh a little early so a token does not expire in flight.
      if (!current || (current.expires !== undefined && current.expires - 30_000 < Date.now())) {
        this.exec = runExec(u.exec, this.cluster, this.env);
        current = await this.exec;
      }
      if (current.token) headers['Authorization'] = `Bearer ${current.token}`;
      if (current.cert && current.key) {
        tls.cert = current.cert;
        tls.key = current.key;
      }
    }
    if (u.impersonate) headers['Impersonate-User'] = u.impersonate;
    if (u.impersonateGroups && u.impersonateGroups.length > 0) headers['Impersonate-Group'] = u.impersonateGroups;
    return { tls, headers };
  }
}
