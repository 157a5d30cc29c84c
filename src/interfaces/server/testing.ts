/** A real webhook server on 127.0.0.1 with fresh certificates, for tests and benchmarks. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpsRequest, Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdmissionLimits, NamespaceLookup } from '../../engines/admission/index.js';
import { AdmissionEngine, NamespaceCache, parseAdmissionConfig } from '../../engines/admission/index.js';
import type { ResolvedControl } from '../../engines/controls/runner.js';
import { generateCerts } from './certs.js';
import { AdmissionServer } from './server.js';

export interface TestServer {
  server: AdmissionServer;
  port: number;
  ca: string;
  dir: string;
  certFile: string;
  keyFile: string;
  logs: string[];
  close(): Promise<void>;
}

export function writeCerts(dir: string): { ca: string; certFile: string; keyFile: string } {
  const c = generateCerts({ service: 'rampart-webhook', namespace: 'rampart-system', dnsNames: ['localhost'], ips: ['127.0.0.1'] });
  const certFile = join(dir, 'tls.crt');
  const keyFile = join(dir, 'tls.key');
  writeFileSync(certFile, c.cert);
  writeFileSync(keyFile, c.key, { mode: 0o600 });
  return { ca: c.caCert, certFile, keyFile };
}

export async function startTestServer(opts: { controls: ResolvedControl[]; admission?: unknown; limits?: Partial<AdmissionLimits>; lookup?: NamespaceLookup; certPollMs?: number; drainMs?: number }): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-admit-'));
  const { ca, certFile, keyFile } = writeCerts(dir);
  const config = parseAdmissionConfig(opts.admission ?? {}, new Set(opts.controls.map((c) => c.control.meta.id)));
  const limits = { ...config.limits, ...(opts.limits ?? {}) };
  const logs: string[] = [];
  const server = new AdmissionServer({
    engine: new AdmissionEngine({ controls: opts.controls, config }),
    namespaces: new NamespaceCache({ ttlMs: 60_000, ...(opts.lookup ? { lookup: opts.lookup } : {}) }),
    certFile,
    keyFile,
    limits,
    log: (l) => logs.push(l),
    certPollMs: opts.certPollMs ?? 60_000,
    drainMs: opts.drainMs ?? 5_000,
  });
  const addr = await server.listen(0, '127.0.0.1');
  return { server, port: addr.port, ca, dir, certFile, keyFile, logs, close: () => server.close() };
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** SHA-256 fingerprint of the certificate the server presented. */
  certFingerprint: string;
}

export function send(
  port: number,
  ca: string,
  opts: { method?: string; path: string; body?: string | Buffer; headers?: Record<string, string>; agent?: Agent; chunks?: Buffer[] },
): Promise<HttpResult> {
  return new Promise((resolveResult, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'POST',
        path: opts.path,
        ca,
        agent: opts.agent ?? false,
        headers: { 'content-type': 'application/json', ...(opts.headers ?? {}) },
      },
      (res) => {
        const peer = (res.socket as unknown as { getPeerCertificate?: () => { fingerprint256?: string } }).getPeerCertificate?.();
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolveResult({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), certFingerprint: peer?.fingerprint256 ?? '' });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.chunks) {
      for (const c of opts.chunks) req.write(c);
      req.end();
    } else req.end(opts.body);
  });
}
