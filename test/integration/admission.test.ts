/**
 * The webhook against a real kube-apiserver: registered by URL with the caBundle from
 * `rampart admit certs`' code, it must reject a privileged pod with Rampart's message, admit a
 * compliant pod, return warnings in a namespace labelled rampart.dev/enforce=warn, set secure
 * defaults through the mutating webhook, and, when stopped, fail closed (failurePolicy: Fail)
 * or open (Ignore) exactly as configured.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiServer, type ApiServer } from './helpers/apiserver.js';
import { AdmissionEngine, NamespaceCache, parseAdmissionConfig } from '../../src/engines/admission/index.js';
import { allControls } from '../../src/engines/controls/registry.js';
import { selectControls } from '../../src/scan/run.js';
import { EMPTY_CONFIG } from '../../src/config/config.js';
import { AdmissionServer } from '../../src/interfaces/server/server.js';
import { writeCerts } from '../../src/interfaces/server/testing.js';
import { goodContainer } from '../../src/engines/admission/testing.js';

let api: ApiServer;
let webhook: AdmissionServer;
let port = 0;
let caBundle = '';
const logs: string[] = [];

interface Raw {
  status: number;
  warnings: string[];
  body: Record<string, unknown>;
}

/** A request as admin that keeps the status and the Warning headers (which the shared helper drops). */
function call(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Raw> {
  const url = new URL(api.server + path);
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolveRaw, reject) => {
    const req = httpsRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        ca: readFileSync(api.caFile),
        headers: { authorization: `Bearer ${api.adminToken}`, 'content-type': contentType, accept: 'application/json' },
      },
      (res) => {
        let data = '';
        res.on('data', (d: Buffer) => (data += d.toString()));
        res.on('end', () => {
          const w = res.headers['warning'];
          const warnings = (Array.isArray(w) ? w : w ? [w] : []).flatMap((h) => h.split(/,(?=\s*299 )/)).map((h) => h.trim());
          resolveRaw({ status: res.statusCode ?? 0, warnings, body: data ? (JSON.parse(data) as Record<string, unknown>) : {} });
        });
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const podOf = (name: string, container: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [container], ...spec },
});
const privilegedPod = (name: string) => podOf(name, { name: 'app', image: 'registry.example.com/app:1', securityContext: { privileged: true } });
const compliantPod = (name: string) => podOf(name, goodContainer(), { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, automountServiceAccountToken: false });

function webhookConfig(kind: 'Validating' | 'Mutating', failurePolicy: 'Fail' | 'Ignore'): Record<string, unknown> {
  const validating = kind === 'Validating';
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: `${kind}WebhookConfiguration`,
    metadata: { name: `rampart-${kind.toLowerCase()}` },
    webhooks: [
      {
        name: `${kind.toLowerCase()}.rampart.dev`,
        admissionReviewVersions: ['v1'],
        sideEffects: 'None',
        timeoutSeconds: 3,
        failurePolicy,
        clientConfig: { url: `https://127.0.0.1:${port}/${validating ? 'validate' : 'mutate'}`, caBundle },
        namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', 'rampart-system'] }] },
        rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: validating ? ['CREATE', 'UPDATE'] : ['CREATE'], resources: validating ? ['pods', 'namespaces'] : ['pods'], scope: '*' }],
      },
    ],
  };
}

async function startWebhook(certFile: string, keyFile: string, listenPort: number): Promise<void> {
  const controls = selectControls(allControls(), EMPTY_CONFIG);
  const config = parseAdmissionConfig({ controls: { 'capabilities-not-dropped': { mutate: true }, 'seccomp-profile': { mutate: true } } }, new Set(allControls().map((c) => c.meta.id)));
  webhook = new AdmissionServer({
    engine: new AdmissionEngine({ controls, config }),
    namespaces: new NamespaceCache({ ttlMs: 60_000 }),
    certFile,
    keyFile,
    limits: config.limits,
    log: (l) => logs.push(l),
  });
  port = (await webhook.listen(listenPort, '127.0.0.1')).port;
}

/** Webhook configuration changes reach the API server's admission chain after a short delay. */
async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await attempt();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}\n${api.logs()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let certs: { certFile: string; keyFile: string };
let counter = 0;
const fresh = (prefix: string): string => `${prefix}-${++counter}`;

describe('admission webhook with a real kube-apiserver', { timeout: 180_000 }, () => {
  before(async () => {
    api = await startApiServer();
    const dir = mkdtempSync(join(tmpdir(), 'rampart-admit-it-'));
    const c = writeCerts(dir);
    certs = { certFile: c.certFile, keyFile: c.keyFile };
    caBundle = Buffer.from(c.ca).toString('base64');
    await startWebhook(certs.certFile, certs.keyFile, 0);
    for (const kind of ['Validating', 'Mutating'] as const) {
      const r = await call('POST', `/apis/admissionregistration.k8s.io/v1/${kind.toLowerCase()}webhookconfigurations`, webhookConfig(kind, kind === 'Validating' ? 'Fail' : 'Ignore'));
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    // Namespaces go through the webhook too, which is how it learns their labels.
    assert.equal((await call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } })).status, 201);
    assert.equal((await call('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'legacy', labels: { 'rampart.dev/enforce': 'warn' } } })).status, 201);
  });
  after(async () => {
    await webhook?.close();
    await api?.stop();
  });

  it('rejects a privileged pod with Rampart’s message', async () => {
    const r = await eventually('the webhook to be called', async () => {
      const res = await call('POST', '/api/v1/namespaces/apps/pods', privilegedPod(fresh('evil')));
      return res.status === 403 ? res : undefined;
    });
    const message = String(r.body['message']);
    assert.match(message, /admission webhook "validating\.rampart\.dev" denied the request: Rampart denied Pod apps\/evil-\d+: .*\[privileged-container\] container "app"/);
    assert.ok(logs.some((l) => l.includes('"decision":"denied"')));
  });

  it('admits a compliant pod', async () => {
    const r = await call('POST', '/api/v1/namespaces/apps/pods', compliantPod(fresh('good')));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual(r.warnings, []);
  });

  it('sets secure defaults through the mutating webhook without touching explicit values', async () => {
    const bare = podOf(fresh('bare'), { name: 'app', image: 'registry.example.com/app:1', securityContext: { runAsNonRoot: true, runAsUser: 1000, allowPrivilegeEscalation: false } });
    const r = await call('POST', '/api/v1/namespaces/apps/pods', bare);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const spec = r.body['spec'] as { securityContext: Record<string, unknown>; containers: { securityContext: Record<string, unknown> }[] };
    assert.deepEqual(spec.securityContext['seccompProfile'], { type: 'RuntimeDefault' });
    assert.deepEqual(spec.containers[0]?.securityContext, { runAsNonRoot: true, runAsUser: 1000, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  });

  it('returns warnings instead of rejecting in a namespace labelled rampart.dev/enforce=warn', async () => {
    const r = await call('POST', '/api/v1/namespaces/legacy/pods', privilegedPod(fresh('legacy')));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.ok(r.warnings.some((w) => w.includes('[privileged-container]')), r.warnings.join('\n'));
  });

  it('dry-run requests get the same decision', async () => {
    const r = await call('POST', '/api/v1/namespaces/apps/pods?dryRun=All', privilegedPod(fresh('dry')));
    assert.equal(r.status, 403);
  });

  it('when the webhook is down: Fail rejects, Ignore admits', async () => {
    await webhook.close();
    const down = await call('POST', '/api/v1/namespaces/apps/pods', compliantPod(fresh('down')));
    assert.equal(down.status, 500, JSON.stringify(down.body));
    assert.match(String(down.body['message']), /failed calling webhook "validating\.rampart\.dev"/);
    const current = await call('GET', '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/rampart-validating');
    const patched = { ...current.body, webhooks: (current.body['webhooks'] as Record<string, unknown>[]).map((w) => ({ ...w, failurePolicy: 'Ignore' })) };
    assert.equal((await call('PUT', '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/rampart-validating', patched)).status, 200);
    await eventually('failurePolicy Ignore to take effect', async () => {
      const r = await call('POST', '/api/v1/namespaces/apps/pods', privilegedPod(fresh('unchecked')));
      return r.status === 201 ? r : undefined;
    });
    // kube-system is never sent to the webhook, whatever its state.
    const sys = await call('POST', '/api/v1/namespaces/kube-system/pods', compliantPod(fresh('sys')));
    assert.equal(sys.status, 201, JSON.stringify(sys.body));
  });
});
