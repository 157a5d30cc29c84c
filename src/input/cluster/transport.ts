/**
 * A minimal JSON transport to the API server over node:http(s), so discovery, pagination and
 * error statuses stay fully under our control. Credentials come from `CredentialSource`.
 */
import http from 'node:http';
import https from 'node:https';
import { CredentialSource, type TlsSettings } from './credentials.js';
import { ApiStatusError, ClusterError, ClusterUnauthorizedError, ClusterUnreachableError } from './errors.js';
import type { ResolvedKubeconfig } from './kubeconfig.js';

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  accept?: string;
  contentType?: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

/** What the cluster reader needs from a connection; tests substitute fakes. */
export interface ApiTransport {
  /** Base URL, for messages. */
  readonly server: string;
  request(path: string, req?: ApiRequest): Promise<ApiResponse>;
}

export interface HttpTransportOptions {
  /** Per-request timeout in milliseconds (default 30 s). */
  timeoutMs?: number;
}

/** Parses a Kubernetes `Status` body into `reason` and `message`, tolerating anything else. */
function statusOf(body: unknown): { reason: string; message: string } {
  if (body && typeof body === 'object') {
    const b = body as { reason?: unknown; message?: unknown };
    return { reason: typeof b.reason === 'string' ? b.reason : '', message: typeof b.message === 'string' ? b.message : '' };
  }
  return { reason: '', message: typeof body === 'string' ? body.slice(0, 200) : '' };
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'timed out',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS: self-signed certificate not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS: self-signed certificate in chain not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS: unable to verify the server certificate',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS: server certificate does not match the host name',
  CERT_HAS_EXPIRED: 'TLS: server certificate has expired',
};

export function describeNetworkError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const known = e.code ? NETWORK_CODES[e.code] : undefined;
  return known ? `${known} (${e.code})` : (e.message ?? String(err));
}

export class HttpTransport implements ApiTransport {
  readonly server: string;
  private readonly base: URL;
  private readonly timeoutMs: number;
  private readonly credentials: CredentialSource;
  private agent: http.Agent | undefined;
  private agentTls: TlsSettings | undefined;

  constructor(resolved: ResolvedKubeconfig, options: HttpTransportOptions = {}) {
    this.server = resolved.cluster.server;
    try {
      this.base = new URL(resolved.cluster.server);
    } catch {
      throw new ClusterError('kubeconfig', `cluster server "${resolved.cluster.server}" is not a URL`);
    }
    if (this.base.protocol !== 'https:' && this.base.protocol !== 'http:') throw new ClusterError('kubeconfig', `cluster server "${this.server}" is neither http nor https`);
    this.credentials = new CredentialSource(resolved);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** One keep-alive agent per TLS identity; rebuilt only when an exec plugin rotates the client certificate. */
  private agentFor(tls: TlsSettings): http.Agent {
    const same = this.agentTls && this.agentTls.cert === tls.cert && this.agentTls.key === tls.key;
    if (this.agent && same) return this.agent;
    this.agent?.destroy();
    this.agentTls = tls;
    this.agent =
      this.base.protocol === 'https:'
        ? new https.Agent({
            keepAlive: true,
            maxSockets: 16,
            rejectUnauthorized: tls.rejectUnauthorized,
            ...(tls.ca !== undefined ? { ca: tls.ca } : {}),
            ...(tls.cert !== undefined ? { cert: tls.cert } : {}),
            ...(tls.key !== undefined ? { key: tls.key } : {}),
            ...(tls.servername !== undefined ? { servername: tls.servername } : {}),
          })
        : new http.Agent({ keepAlive: true, maxSockets: 16 });
    return this.agent;
  }

  async request(path: string, req: ApiRequest = {}): Promise<ApiResponse> {
    const { tls, headers: auth } = await this.credentials.get();
    const agent = this.agentFor(tls);
    const prefix = this.base.pathname.replace(/\/+$/, '');
    const url = new URL(prefix + path, this.base);
    const headers: Record<string, string | string[]> = { ...auth, Accept: req.accept ?? 'application/json', 'User-Agent': 'rampart' };
    let payload: string | undefined;
    if (req.body !== undefined) {
      payload = JSON.stringify(req.body);
      headers['Content-Type'] = req.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(payload));
    }
    const mod = this.base.protocol === 'https:' ? https : http;
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const r = mod.request(url, { method: req.method ?? 'GET', headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      r.setTimeout(this.timeoutMs, () => r.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
      r.on('error', reject);
      r.end(payload);
    }).catch((err: unknown) => {
      throw new ClusterUnreachableError(this.server, describeNetworkError(err), { cause: err });
    });
    let body: unknown = text;
    try {
      body = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      // Non-JSON bodies (e.g. a proxy's HTML error page) stay text and are reported as such.
    }
    return { status, body };
  }

  close(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }
}

/** GET/POST expecting success: 401 -> ClusterUnauthorizedError, other non-2xx -> ApiStatusError. */
export async function requestJson(t: ApiTransport, path: string, req: ApiRequest = {}): Promise<unknown> {
  const res = await t.request(path, req);
  if (res.status >= 200 && res.status < 300) return res.body;
  if (res.status === 401) throw new ClusterUnauthorizedError(t.server);
  const { reason, message } = statusOf(res.body);
  throw new ApiStatusError(res.status, reason || httpReason(res.status), message || `${req.method ?? 'GET'} ${path}: HTTP ${res.status}`);
}

function httpReason(status: number): string {
  switch (status) {
    case 403:
      return 'Forbidden';
    case 404:
      return 'NotFound';
    case 410:
      return 'Expired';
    default:
      return `HTTP ${status}`;
  }
}
