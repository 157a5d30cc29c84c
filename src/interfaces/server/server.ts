/**
 * The admission webhook's HTTPS server (node:https, HTTP/1.1):
 *   POST /validate, POST /mutate   AdmissionReview admission.k8s.io/v1
 *   GET  /healthz                  liveness (the process answers)
 *   GET  /readyz                   readiness (503 while shutting down)
 *   GET  /metrics                  Prometheus text format
 *
 * Robustness: a bad body is a 400 (413 when too large) with a JSON message, never a crash;
 * concurrency is bounded (503 + Retry-After when saturated) and so is memory (per-body limit and
 * a budget for all buffered bodies); slow clients time out; certificates reload on change;
 * close() finishes in-flight reviews. One JSON log line per decision, with no object content.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { AdmissionEngine, AdmissionLimits, AdmissionRequest, Decision, NamespaceCache } from '../../engines/admission/index.js';
import { ReviewError, parseReview, reviewResponse, uidOf } from '../../engines/admission/index.js';
import type { K8sObject } from '../../model/types.js';
import { AdmissionMetrics, METRICS_CONTENT_TYPE } from './metrics.js';
import type { CertificateWatcher } from './tls.js';
import { readKeyPair, watchKeyPair } from './tls.js';

export type Endpoint = 'validate' | 'mutate';
export type ServerErrorReason =
  | ReviewError['code']
  | 'body-too-large'
  | 'overloaded'
  | 'timeout'
  | 'aborted'
  | 'unsupported-media-type'
  | 'method-not-allowed'
  | 'not-found'
  | 'internal';

export interface AdmissionServerOptions {
  engine: AdmissionEngine;
  namespaces: NamespaceCache;
  certFile: string;
  keyFile: string;
  limits: AdmissionLimits;
  /** Receives one JSON line per decision and per notable event. */
  log: (line: string) => void;
  /** Poll interval for certificate files (default 5 s). */
  certPollMs?: number;
  /** How long close() waits for in-flight reviews before cutting connections (default 10 s). */
  drainMs?: number;
  /**
   * How long close() keeps serving (readiness 503, `Connection: close` on every answer) before it
   * stops listening: endpoint removal reaches kube-proxy after SIGTERM, and a webhook that stops
   * listening first turns those requests into failures (default 0; the CLI uses 5 s).
   */
  shutdownDelayMs?: number;
}

interface HttpError {
  status: number;
  reason: ServerErrorReason;
  message: string;
}

class BodyError extends Error {
  constructor(readonly http: HttpError) {
    super(http.message);
  }
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

export class AdmissionServer {
  readonly metrics = new AdmissionMetrics();
  private readonly server: Server;
  private readonly opts: AdmissionServerOptions;
  private watcher: CertificateWatcher | undefined;
  private inflight = 0;
  private buffered = 0;
  private shuttingDown = false;
  private readonly idle: (() => void)[] = [];

  constructor(opts: AdmissionServerOptions) {
    this.opts = opts;
    const pair = readKeyPair(opts.certFile, opts.keyFile);
    // Slow or stalled clients (slowloris) are cut off (408); the API server sends whole small bodies.
    const timeouts = {
      requestTimeout: opts.limits.requestTimeoutMs,
      headersTimeout: opts.limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(opts.limits.requestTimeoutMs / 2))),
    };
    this.server = createServer({ cert: pair.cert, key: pair.key, minVersion: 'TLSv1.2', ...timeouts }, (req, res) => this.handle(req, res));
    // The API server keeps connections alive; outlive its idle timeout to avoid reset races.
    this.server.keepAliveTimeout = 75_000;
    this.server.maxHeadersCount = 100;
    this.server.on('tlsClientError', () => {
      // Scanners and aborted handshakes: nothing to answer, nothing to crash on.
    });
    this.server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
      const timedOut = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
      if (timedOut) this.metrics.errors.inc({ endpoint: 'any', reason: 'timeout' });
      if (!socket.writable) return void socket.destroy();
      socket.end(timedOut ? 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n' : 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    });
  }

  async listen(port: number, host: string): Promise<AddressInfo> {
    await new Promise<void>((resolveListen, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolveListen();
      });
    });
    this.watcher = watchKeyPair(this.opts.certFile, this.opts.keyFile, this.opts.certPollMs ?? 5_000, () => this.reloadCertificates());
    return this.server.address() as AddressInfo;
  }

  get ready(): boolean {
    return this.server.listening && !this.shuttingDown;
  }

  /** Re-read the certificate and key; keep the current pair if the new one is not valid. */
  reloadCertificates(): boolean {
    try {
      const pair = readKeyPair(this.opts.certFile, this.opts.keyFile);
      this.server.setSecureContext({ cert: pair.cert, key: pair.key, minVersion: 'TLSv1.2' });
      this.metrics.certReloads.inc({ result: 'success' });
      this.event('info', 'certificate reloaded', {});
      return true;
    } catch (e) {
      this.metrics.certReloads.inc({ result: 'failure' });
      this.event('warn', 'certificate reload failed; keeping the current certificate', { error: (e as Error).message });
      return false;
    }
  }

  /**
   * Readiness turns 503 at once; after shutdownDelayMs, stop accepting, finish in-flight reviews
   * (up to drainMs), then close every connection.
   */
  async close(): Promise<void> {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    this.watcher?.stop();
    const delay = this.opts.shutdownDelayMs ?? 0;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const closed = new Promise<void>((r) => this.server.close(() => r()));
    this.server.closeIdleConnections();
    if (this.inflight > 0) {
      const drained = new Promise<void>((r) => this.idle.push(r));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((r) => (timer = setTimeout(r, this.opts.drainMs ?? 10_000)));
      await Promise.race([drained, timeout]);
      clearTimeout(timer);
    }
    this.server.closeAllConnections();
    await closed;
  }

  private event(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown>): void {
    this.opts.log(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (this.shuttingDown) res.setHeader('Connection', 'close');
    switch (path) {
      case '/validate':
      case '/mutate':
        void this.review(path === '/validate' ? 'validate' : 'mutate', req, res);
        return;
      case '/healthz':
        this.plain(req, res, 200, 'ok\n');
        return;
      case '/readyz':
        this.plain(req, res, this.ready ? 200 : 503, this.ready ? 'ok\n' : 'shutting down\n');
        return;
      case '/metrics':
        this.plain(req, res, 200, this.metrics.render(), METRICS_CONTENT_TYPE);
        return;
      default:
        this.plain(req, res, 404, 'not found\n');
    }
  }

  private plain(req: IncomingMessage, res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      status = 405;
      body = 'method not allowed\n';
    }
    req.resume();
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  private sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  /** An error answer; the connection is closed when the body was left unread. */
  private fail(endpoint: Endpoint, req: IncomingMessage, res: ServerResponse, err: HttpError, started: number, unread: boolean, headers: Record<string, string> = {}, uid?: string): void {
    this.metrics.errors.inc({ endpoint, reason: err.reason });
    this.metrics.requests.inc({ endpoint, code: String(err.status) });
    this.metrics.latency.observe({ endpoint }, (performance.now() - started) / 1000);
    this.event('warn', 'request rejected', { endpoint, status: err.status, reason: err.reason, error: err.message, ...(uid ? { uid } : {}) });
    if (res.headersSent || res.destroyed) return;
    if (unread) {
      // Stop reading a body we refuse; close once the answer is out.
      headers['Connection'] = 'close';
      res.on('finish', () => req.socket.destroySoon());
    }
    this.sendJson(res, err.status, { error: err.reason, message: err.message }, headers);
  }

  private async review(endpoint: Endpoint, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    if (req.method !== 'POST') {
      this.fail(endpoint, req, res, { status: 405, reason: 'method-not-allowed', message: `${endpoint} accepts POST only` }, started, true, { Allow: 'POST' });
      return;
    }
    const type = req.headers['content-type'];
    if (type !== undefined && !JSON_TYPE.test(type)) {
      this.fail(endpoint, req, res, { status: 415, reason: 'unsupported-media-type', message: `content type must be application/json, not ${type.slice(0, 64)}` }, started, true);
      return;
    }
    const { maxBodyBytes, maxConcurrent } = this.opts.limits;
    if (this.inflight >= maxConcurrent) {
      this.fail(endpoint, req, res, { status: 503, reason: 'overloaded', message: `too many concurrent reviews (limit ${maxConcurrent}); retry` }, started, true, { 'Retry-After': '1' });
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      this.fail(endpoint, req, res, tooLarge(maxBodyBytes), started, true);
      return;
    }
    this.inflight++;
    this.metrics.inflight = this.inflight;
    let held = 0;
    try {
      let body: string;
      try {
        body = await this.readBody(req, maxBodyBytes, (n) => {
          held += n;
        });
      } catch (e) {
        const http = e instanceof BodyError ? e.http : { status: 400, reason: 'aborted' as const, message: 'request body could not be read' };
        this.fail(endpoint, req, res, http, started, true, http.reason === 'overloaded' ? { 'Retry-After': '1' } : {});
        return;
      }
      let request: AdmissionRequest;
      try {
        request = parseReview(body);
      } catch (e) {
        if (!(e instanceof ReviewError)) throw e;
        this.fail(endpoint, req, res, { status: 400, reason: e.code, message: e.message }, started, false, {}, uidOf(body));
        return;
      }
      await this.decideAndAnswer(endpoint, request, res, started);
    } catch (e) {
      this.fail(endpoint, req, res, { status: 500, reason: 'internal', message: 'internal error while reviewing the request' }, started, false);
      this.event('error', 'internal error', { endpoint, error: (e as Error).message });
    } finally {
      this.buffered -= held;
      this.inflight--;
      this.metrics.inflight = this.inflight;
      if (this.inflight === 0) for (const r of this.idle.splice(0)) r();
    }
  }

  private async decideAndAnswer(endpoint: Endpoint, request: AdmissionRequest, res: ServerResponse, started: number): Promise<void> {
    const engine = this.opts.engine;
    const cache = this.opts.namespaces;
    const nsName = request.namespace || (request.kind.kind === 'Namespace' ? request.name : undefined);
    // Namespace labels: from the object itself for Namespaces, else from the cache (or lookup).
    let namespaceObject: K8sObject | undefined;
    if (nsName && request.kind.kind !== 'Namespace') namespaceObject = cache.peek(nsName) ?? (await cache.get(nsName));
    const decision: Decision = endpoint === 'validate' ? engine.validate(request, namespaceObject) : engine.mutate(request, namespaceObject);
    if (endpoint === 'validate' && request.kind.kind === 'Namespace' && request.kind.group === '' && !request.dryRun) {
      if (request.operation === 'DELETE' && request.name) cache.forget(request.name);
      else if (decision.response.allowed && request.object) cache.observe(request.object);
    }
    this.sendJson(res, 200, reviewResponse(decision.response));
    const seconds = (performance.now() - started) / 1000;
    this.metrics.requests.inc({ endpoint, code: '200' });
    this.metrics.decisions.inc({ endpoint, decision: decision.outcome });
    for (const c of decision.controls) this.metrics.controlActions.inc({ control: c.control, action: c.action });
    this.metrics.latency.observe({ endpoint }, seconds);
    this.opts.log(decisionLine(endpoint, request, decision, seconds));
  }

  private readBody(req: IncomingMessage, limit: number, hold: (n: number) => void): Promise<string> {
    return new Promise((resolveBody, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const stop = (err: BodyError): void => {
        req.off('data', onData);
        req.pause();
        reject(err);
      };
      const onData = (chunk: Buffer): void => {
        size += chunk.length;
        if (size > limit) return stop(new BodyError(tooLarge(limit)));
        if (this.buffered + chunk.length > this.opts.limits.maxBufferedBytes) {
          return stop(new BodyError({ status: 503, reason: 'overloaded', message: 'too much request data buffered; retry' }));
        }
        this.buffered += chunk.length;
        hold(chunk.length);
        chunks.push(chunk);
      };
      req.on('data', onData);
      req.once('end', () => resolveBody(Buffer.concat(chunks, size).toString('utf8')));
      req.once('aborted', () => reject(new BodyError({ status: 400, reason: 'aborted', message: 'client aborted the request' })));
      req.once('error', () => reject(new BodyError({ status: 408, reason: 'timeout', message: 'request body not received in time' })));
    });
  }
}

function tooLarge(limit: number): HttpError {
  return { status: 413, reason: 'body-too-large', message: `request body exceeds the limit of ${limit} bytes (admission.limits.maxBodyBytes)` };
}

/** The structured log line of one decision: identities and outcome only, never object content. */
export function decisionLine(endpoint: Endpoint, req: AdmissionRequest, d: Decision, seconds: number): string {
  const line: Record<string, unknown> = {
    time: new Date().toISOString(),
    level: 'info',
    msg: 'admission decision',
    endpoint,
    uid: req.uid,
    operation: req.operation,
    user: req.userInfo.username ?? '',
    resource: {
      group: req.resource.group,
      version: req.resource.version,
      resource: req.resource.resource,
      ...(req.subResource ? { subResource: req.subResource } : {}),
      ...(req.namespace ? { namespace: req.namespace } : {}),
      ...(req.name ? { name: req.name } : {}),
    },
    dryRun: req.dryRun === true,
    decision: d.outcome,
    allowed: d.response.allowed,
    controls: d.controls.map((c) => ({ control: c.control, action: c.action, findings: c.findings })),
    latencyMs: Math.round(seconds * 1e6) / 1e3,
  };
  if (d.skipped) line['skipped'] = d.skipped;
  if (d.patchOps) line['patchOps'] = d.patchOps;
  return JSON.stringify(line);
}
