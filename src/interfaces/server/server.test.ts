import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from 'node:https';
import { connect } from 'node:tls';
import { readFileSync, writeFileSync } from 'node:fs';
import privileged from '../../engines/controls/rules/workload/privileged-container.js';
import capsNotDropped from '../../engines/controls/rules/workload/capabilities-not-dropped.js';
import { goodContainer, pod, request, resolved, review } from '../../engines/admission/testing.js';
import type { K8sObject } from '../../model/types.js';
import { send, startTestServer, writeCerts } from './testing.js';
import type { TestServer } from './testing.js';

const CONTROLS = resolved([privileged, capsNotDropped]);
const privilegedPod = (): K8sObject => pod('evil', [{ ...goodContainer(), env: [{ name: 'TOKEN', value: 'hunter2-secret-value' }], securityContext: { privileged: true } }]);

describe('admission server: reviews', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ controls: CONTROLS, admission: { controls: { 'capabilities-not-dropped': { mutate: true } } } });
  });
  after(() => t.close());

  it('POST /validate denies a privileged pod with 403 inside a 200 AdmissionReview', async () => {
    const r = await send(t.port, t.ca, { path: '/validate?timeout=3s', body: review(request(privilegedPod())) });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/json');
    const body = JSON.parse(r.body) as { apiVersion: string; kind: string; response: { allowed: boolean; status: { code: number; message: string } } };
    assert.equal(body.apiVersion, 'admission.k8s.io/v1');
    assert.equal(body.kind, 'AdmissionReview');
    assert.equal(body.response.allowed, false);
    assert.equal(body.response.status.code, 403);
    assert.match(body.response.status.message, /\[privileged-container\]/);
  });

  it('POST /mutate returns a base64 JSONPatch', async () => {
    const r = await send(t.port, t.ca, { path: '/mutate', body: review(request(pod('bare', [{ name: 'app', image: 'nginx' }]))) });
    const body = JSON.parse(r.body) as { response: { allowed: boolean; patchType: string; patch: string } };
    assert.equal(body.response.allowed, true);
    assert.equal(body.response.patchType, 'JSONPatch');
    assert.deepEqual(JSON.parse(Buffer.from(body.response.patch, 'base64').toString()), [{ op: 'add', path: '/spec/containers/0/securityContext', value: { capabilities: { drop: ['ALL'] } } }]);
  });

  it('logs one JSON line per decision with identities and outcome, never object content', async () => {
    const req = request(privilegedPod(), { user: { username: 'alice', groups: ['dev'], extra: { token: ['abc-extra-secret'] } } });
    await send(t.port, t.ca, { path: '/validate', body: review(req) });
    const line = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['uid'] === req.uid);
    assert.ok(line);
    assert.equal(line['msg'], 'admission decision');
    assert.equal(line['user'], 'alice');
    assert.equal(line['decision'], 'denied');
    assert.deepEqual(line['resource'], { group: '', version: 'v1', resource: 'pods', namespace: 'apps', name: 'evil' });
    assert.deepEqual(line['controls'], [
      { control: 'privileged-container', action: 'enforce', findings: 1 },
      { control: 'capabilities-not-dropped', action: 'warn', findings: 1 },
    ]);
    assert.equal(typeof line['latencyMs'], 'number');
    const all = t.logs.join('\n');
    assert.doesNotMatch(all, /hunter2-secret-value|abc-extra-secret/);
  });

  const bad: { name: string; body: string; status: number; error: string; message: RegExp }[] = [
    { name: 'malformed JSON', body: '{"apiVersion": ', status: 400, error: 'malformed-json', message: /not valid JSON/ },
    { name: 'a JSON array', body: '[]', status: 400, error: 'not-admission-review', message: /not an AdmissionReview/ },
    { name: 'another kind', body: JSON.stringify({ apiVersion: 'v1', kind: 'Pod' }), status: 400, error: 'not-admission-review', message: /expected kind "AdmissionReview"/ },
    { name: 'v1beta1', body: JSON.stringify({ apiVersion: 'admission.k8s.io/v1beta1', kind: 'AdmissionReview', request: {} }), status: 400, error: 'unsupported-version', message: /only admission.k8s.io\/v1 is served/ },
    { name: 'no request', body: JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }), status: 400, error: 'invalid-request', message: /has no request/ },
    { name: 'bad operation', body: review({ ...request(privilegedPod()), operation: 'PATCH' as 'CREATE' }), status: 400, error: 'invalid-request', message: /operation must be one of/ },
    { name: 'object not an object', body: review({ ...request(privilegedPod()), object: 'x' as unknown as K8sObject }), status: 400, error: 'invalid-request', message: /request.object must be an object/ },
  ];
  for (const b of bad) {
    it(`answers ${b.status} to ${b.name}, and keeps serving`, async () => {
      const r = await send(t.port, t.ca, { path: '/validate', body: b.body });
      assert.equal(r.status, b.status);
      const e = JSON.parse(r.body) as { error: string; message: string };
      assert.equal(e.error, b.error);
      assert.match(e.message, b.message);
      assert.equal((await send(t.port, t.ca, { method: 'GET', path: '/healthz' })).status, 200);
    });
  }

  it('answers 405 to GET /validate, 404 to unknown paths, 415 to non-JSON', async () => {
    const g = await send(t.port, t.ca, { method: 'GET', path: '/validate' });
    assert.equal(g.status, 405);
    assert.equal(g.headers['allow'], 'POST');
    assert.equal((await send(t.port, t.ca, { method: 'GET', path: '/nope' })).status, 404);
    assert.equal((await send(t.port, t.ca, { path: '/validate', body: 'x', headers: { 'content-type': 'text/plain' } })).status, 415);
  });

  it('health and readiness', async () => {
    assert.equal((await send(t.port, t.ca, { method: 'GET', path: '/healthz' })).body, 'ok\n');
    assert.equal((await send(t.port, t.ca, { method: 'GET', path: '/readyz' })).status, 200);
  });
});

describe('admission server: limits', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ controls: CONTROLS, limits: { maxBodyBytes: 4096, requestTimeoutMs: 300 } });
  });
  after(() => t.close());

  it('413 for a declared oversized body, before reading it', async () => {
    const r = await send(t.port, t.ca, { path: '/validate', body: 'x'.repeat(5000) });
    assert.equal(r.status, 413);
    assert.match(JSON.parse(r.body).message as string, /exceeds the limit of 4096 bytes/);
  });

  it('413 for a chunked body that grows past the limit', async () => {
    const chunk = Buffer.alloc(1024, 0x20);
    const r = await send(t.port, t.ca, { path: '/validate', chunks: [chunk, chunk, chunk, chunk, chunk], headers: { 'transfer-encoding': 'chunked' } }).catch((e: Error) => e);
    // The server answers 413 and closes; a client still writing may see the reset instead.
    if (!(r instanceof Error)) assert.equal(r.status, 413);
    assert.equal((await send(t.port, t.ca, { method: 'GET', path: '/healthz' })).status, 200);
  });

  it('408 for a body that never finishes (request timeout)', async () => {
    const status = await new Promise<string>((resolveStatus, reject) => {
      const socket = connect({ host: '127.0.0.1', port: t.port, ca: t.ca, servername: 'localhost' }, () => {
        socket.write('POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":');
      });
      let data = '';
      socket.on('data', (d: Buffer) => (data += d.toString()));
      socket.on('close', () => resolveStatus(data.split('\r\n')[0] ?? ''));
      socket.on('error', reject);
    });
    assert.match(status, /^HTTP\/1\.1 408/);
  });
});

describe('admission server: concurrency and shutdown', () => {
  it('503 with Retry-After when saturated; graceful close finishes in-flight reviews', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const t = await startTestServer({
      controls: CONTROLS,
      limits: { maxConcurrent: 1 },
      // A namespace lookup that waits holds the first review in flight.
      lookup: async (name) => {
        await gate;
        return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
      },
    });
    const first = send(t.port, t.ca, { path: '/validate', body: review(request(privilegedPod())) });
    await new Promise((r) => setTimeout(r, 100));
    const second = await send(t.port, t.ca, { path: '/validate', body: review(request(privilegedPod(), { namespace: 'other' })) });
    assert.equal(second.status, 503);
    assert.equal(second.headers['retry-after'], '1');
    const closing = t.server.close();
    assert.equal(t.server.ready, false);
    release();
    const r = await first;
    assert.equal(r.status, 200, 'the in-flight review is answered');
    assert.equal((JSON.parse(r.body) as { response: { allowed: boolean } }).response.allowed, false);
    await closing;
    await assert.rejects(send(t.port, t.ca, { method: 'GET', path: '/healthz' }), /ECONNREFUSED/);
  });
});

describe('admission server: certificate reload', () => {
  it('serves a new certificate after the files change, without dropping a kept-alive connection', async () => {
    const t = await startTestServer({ controls: CONTROLS, certPollMs: 50 });
    try {
      const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: t.ca });
      const before = await send(t.port, t.ca, { method: 'GET', path: '/healthz', agent });
      // Rotate: a new CA and pair written over the same files.
      const rotated = writeCerts(t.dir);
      const deadline = Date.now() + 5000;
      let fresh = await send(t.port, rotated.ca, { method: 'GET', path: '/healthz' }).catch(() => undefined);
      while (!fresh && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        fresh = await send(t.port, rotated.ca, { method: 'GET', path: '/healthz' }).catch(() => undefined);
      }
      assert.ok(fresh, 'new handshakes present the new certificate');
      assert.notEqual(fresh.certFingerprint, before.certFingerprint);
      // The old connection was not dropped: it still answers over its original session.
      const again = await send(t.port, t.ca, { method: 'GET', path: '/healthz', agent });
      assert.equal(again.status, 200);
      assert.equal(again.certFingerprint, before.certFingerprint);
      agent.destroy();
      const m = await send(t.port, rotated.ca, { method: 'GET', path: '/metrics' });
      assert.match(m.body, /rampart_admission_certificate_reloads_total\{result="success"\} [1-9]/);
    } finally {
      await t.close();
    }
  });

  it('keeps the current pair when the new files do not match (half-written rotation)', async () => {
    const t = await startTestServer({ controls: CONTROLS });
    try {
      const oldKey = readFileSync(t.keyFile);
      writeCerts(t.dir);
      writeFileSync(t.keyFile, oldKey);
      assert.equal(t.server.reloadCertificates(), false);
      assert.equal((await send(t.port, t.ca, { method: 'GET', path: '/healthz' })).status, 200);
    } finally {
      await t.close();
    }
  });
});

describe('admission server: metrics', () => {
  it('exposes requests, decisions by control and action, latency histogram and errors in Prometheus text format', async () => {
    const t = await startTestServer({ controls: CONTROLS });
    try {
      await send(t.port, t.ca, { path: '/validate', body: review(request(privilegedPod())) });
      await send(t.port, t.ca, { path: '/validate', body: review(request(pod('ok', [goodContainer()]))) });
      await send(t.port, t.ca, { path: '/validate', body: '{' });
      const r = await send(t.port, t.ca, { method: 'GET', path: '/metrics' });
      assert.equal(r.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
      const lines = r.body.trimEnd().split('\n');
      for (const line of lines) {
        assert.match(line, /^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{([a-z_]+="[^"\\\n]*",?)*\})? (-?[0-9.e+-]+|\+Inf|NaN))$/, line);
      }
      const value = (sample: string): number => Number(lines.find((l) => l.startsWith(sample + ' '))?.split(' ').pop());
      assert.equal(value('rampart_admission_requests_total{endpoint="validate",code="200"}'), 2);
      assert.equal(value('rampart_admission_requests_total{endpoint="validate",code="400"}'), 1);
      assert.equal(value('rampart_admission_decisions_total{endpoint="validate",decision="denied"}'), 1);
      assert.equal(value('rampart_admission_decisions_total{endpoint="validate",decision="allowed"}'), 1);
      assert.equal(value('rampart_admission_control_actions_total{control="privileged-container",action="enforce"}'), 1);
      assert.equal(value('rampart_admission_errors_total{endpoint="validate",reason="malformed-json"}'), 1);
      assert.equal(value('rampart_admission_request_duration_seconds_count{endpoint="validate"}'), 3);
      const buckets = lines.filter((l) => l.startsWith('rampart_admission_request_duration_seconds_bucket{endpoint="validate"')).map((l) => Number(l.split(' ').pop()));
      assert.ok(buckets.every((b, i) => i === 0 || b >= (buckets[i - 1] as number)), 'cumulative buckets');
      assert.equal(buckets.at(-1), 3);
      assert.ok(value('process_resident_memory_bytes') > 0);
    } finally {
      await t.close();
    }
  });
});

describe('admission server: shutdown delay', () => {
  it('keeps answering (not ready, Connection: close) during the delay, then stops listening', async () => {
    const t = await startTestServer({ controls: CONTROLS });
    // Re-create with a delay: the options are fixed at construction.
    await t.close();
    const { AdmissionServer } = await import('./server.js');
    const { AdmissionEngine, NamespaceCache, parseAdmissionConfig } = await import('../../engines/admission/index.js');
    const config = parseAdmissionConfig({}, new Set(CONTROLS.map((c) => c.control.meta.id)));
    const server = new AdmissionServer({ engine: new AdmissionEngine({ controls: CONTROLS, config }), namespaces: new NamespaceCache({ ttlMs: 1000 }), certFile: t.certFile, keyFile: t.keyFile, limits: config.limits, log: () => {}, shutdownDelayMs: 400 });
    const { port } = await server.listen(0, '127.0.0.1');
    const closing = server.close();
    const ready = await send(port, t.ca, { method: 'GET', path: '/readyz' });
    assert.equal(ready.status, 503);
    const r = await send(port, t.ca, { path: '/validate', body: review(request(privilegedPod())) });
    assert.equal(r.status, 200);
    assert.equal(r.headers['connection'], 'close');
    await closing;
    await assert.rejects(send(port, t.ca, { method: 'GET', path: '/healthz' }), /ECONNREFUSED/);
  });
});
