import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { resolveKubeconfig } from './kubeconfig.js';
import { CredentialSource } from './credentials.js';
import { KubeconfigError, ClusterUnreachableError } from './errors.js';
import { HttpTransport } from './transport.js';
import { loadCluster } from './index.js';
import { freeLoopbackPort } from './test-ports.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rampart-kubeconfig-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function config(name: string, doc: unknown): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, typeof doc === 'string' ? doc : stringify(doc));
  return p;
}

const base = (server: string, ctx: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [{ name: `c-${ctx}`, cluster: { server } }],
  users: [{ name: `u-${ctx}`, user: { token: `tok-${ctx}` } }],
  contexts: [{ name: ctx, context: { cluster: `c-${ctx}`, user: `u-${ctx}`, namespace: `ns-${ctx}` } }],
  'current-context': ctx,
  ...extra,
});

describe('resolveKubeconfig', () => {
  it('uses --kubeconfig and its current-context', () => {
    const f = config('a.yaml', base('https://a.example:6443', 'a'));
    const r = resolveKubeconfig({ kubeconfig: f, env: {} });
    assert.equal(r.context, 'a');
    assert.equal(r.cluster.server, 'https://a.example:6443');
    assert.equal(r.user.token, 'tok-a');
    assert.equal(r.namespace, 'ns-a');
  });

  it('merges KUBECONFIG first-wins and skips missing files', () => {
    const a = config('m/a.yaml', base('https://a.example', 'a'));
    const b = config('m/b.yaml', { ...base('https://b.example', 'b'), clusters: [{ name: 'c-b', cluster: { server: 'https://b.example' } }, { name: 'c-a', cluster: { server: 'https://shadowed.example' } }] });
    const env = { KUBECONFIG: [join(dir, 'missing.yaml'), a, b].join(':') };
    const r = resolveKubeconfig({ env });
    assert.equal(r.context, 'a', 'current-context from the first file that sets it');
    assert.equal(r.cluster.server, 'https://a.example', 'first definition of c-a wins');
    assert.deepEqual(r.contexts, ['a', 'b']);
    assert.equal(resolveKubeconfig({ env, context: 'b' }).cluster.server, 'https://b.example');
  });

  it('falls back to ~/.kube/config', () => {
    const home = join(dir, 'home');
    config('home/.kube/config', base('https://home.example', 'h'));
    assert.equal(resolveKubeconfig({ env: { HOME: home } }).context, 'h');
  });

  it('resolves relative certificate, key, token-file and exec paths against the kubeconfig directory', () => {
    const f = config('rel/cfg.yaml', {
      clusters: [{ name: 'c', cluster: { server: 'https://x', 'certificate-authority': 'pki/ca.crt' } }],
      users: [{ name: 'u', user: { 'client-certificate': 'pki/u.crt', 'client-key': '/abs/u.key', tokenFile: 'tok', exec: { command: './bin/plugin', apiVersion: 'client.authentication.k8s.io/v1' } } }, { name: 'p', user: { exec: { command: 'aws', args: ['eks', 'get-token'] } } }],
      contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }, { name: 'p', context: { cluster: 'c', user: 'p' } }],
      'current-context': 'x',
    });
    const r = resolveKubeconfig({ kubeconfig: f, env: {} });
    assert.equal(r.cluster.certificateAuthority, join(dir, 'rel/pki/ca.crt'));
    assert.equal(r.user.clientCertificate, join(dir, 'rel/pki/u.crt'));
    assert.equal(r.user.clientKey, '/abs/u.key');
    assert.equal(r.user.tokenFile, join(dir, 'rel/tok'));
    assert.equal(r.user.exec?.command, join(dir, 'rel/bin/plugin'));
    assert.equal(resolveKubeconfig({ kubeconfig: f, env: {}, context: 'p' }).user.exec?.command, 'aws', 'bare command names stay on PATH');
  });

  const errors: { name: string; doc: unknown; context?: string; message: RegExp }[] = [
    { name: 'unknown context lists the available ones', doc: base('https://a', 'a'), context: 'nope', message: /context "nope" not found .*available: a/ },
    { name: 'no current-context', doc: { ...base('https://a', 'a'), 'current-context': '' }, message: /no current-context; pass --context \(available: a\)/ },
    { name: 'context names an undefined cluster', doc: { ...base('https://a', 'a'), clusters: [] }, message: /refers to cluster "c-a", which is not defined/ },
    { name: 'context names an undefined user', doc: { ...base('https://a', 'a'), users: [] }, message: /refers to user "u-a", which is not defined/ },
    { name: 'cluster without server', doc: { ...base('', 'a') }, message: /has no server/ },
    { name: 'removed auth-provider', doc: { ...base('https://a', 'a'), users: [{ name: 'u-a', user: { 'auth-provider': { name: 'gcp' } } }] }, message: /auth-provider "gcp"/ },
    { name: 'not YAML', doc: 'clusters: [\n', message: /cannot read kubeconfig/ },
    { name: 'clusters is not a list', doc: { clusters: { a: 1 } }, message: /"clusters" must be a list/ },
  ];
  for (const c of errors) {
    it(`KubeconfigError: ${c.name}`, () => {
      const f = config(`err-${c.name.replace(/\W+/g, '-')}.yaml`, c.doc);
      assert.throws(() => resolveKubeconfig({ kubeconfig: f, env: {}, ...(c.context ? { context: c.context } : {}) }), (e: unknown) => e instanceof KubeconfigError && c.message.test(e.message));
    });
  }

  it('KubeconfigError when nothing is configured, or --kubeconfig does not exist', () => {
    assert.throws(() => resolveKubeconfig({ env: { HOME: join(dir, 'nohome') } }), /no kubeconfig found/);
    assert.throws(() => resolveKubeconfig({ kubeconfig: join(dir, 'nope.yaml'), env: {} }), /does not exist/);
    assert.throws(() => resolveKubeconfig({ env: { KUBECONFIG: join(dir, 'nope.yaml') } }), /none of the files in KUBECONFIG exist/);
  });
});

describe('CredentialSource', () => {
  it('token, token file (re-read per request), basic auth and impersonation headers', async () => {
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'first\n');
    const f = config('creds.yaml', {
      clusters: [{ name: 'c', cluster: { server: 'https://x', 'insecure-skip-tls-verify': true, 'tls-server-name': 'api.internal' } }],
      users: [
        { name: 't', user: { token: 'abc', as: 'jane', 'as-groups': ['dev', 'ops'] } },
        { name: 'f', user: { tokenFile } },
        { name: 'b', user: { username: 'u', password: 'p' } },
      ],
      contexts: ['t', 'f', 'b'].map((n) => ({ name: n, context: { cluster: 'c', user: n } })),
      'current-context': 't',
    });
    const t = await new CredentialSource(resolveKubeconfig({ kubeconfig: f, env: {} })).get();
    assert.deepEqual(t.headers, { Authorization: 'Bearer abc', 'Impersonate-User': 'jane', 'Impersonate-Group': ['dev', 'ops'] });
    assert.equal(t.tls.rejectUnauthorized, false);
    assert.equal(t.tls.servername, 'api.internal');
    const fileSrc = new CredentialSource(resolveKubeconfig({ kubeconfig: f, env: {}, context: 'f' }));
    assert.equal((await fileSrc.get()).headers['Authorization'], 'Bearer first');
    writeFileSync(tokenFile, 'rotated\n');
    assert.equal((await fileSrc.get()).headers['Authorization'], 'Bearer rotated');
    const b = await new CredentialSource(resolveKubeconfig({ kubeconfig: f, env: {}, context: 'b' })).get();
    assert.equal(b.headers['Authorization'], `Basic ${Buffer.from('u:p').toString('base64')}`);
  });

  it('runs an exec plugin without a shell, passes KUBERNETES_EXEC_INFO and env, caches until expiry', async () => {
    const plugin = join(dir, 'plugin.mjs');
    const counter = join(dir, 'plugin-calls');
    writeFileSync(counter, '');
    writeFileSync(
      plugin,
      `import { appendFileSync } from 'node:fs';
appendFileSync(${JSON.stringify(counter)}, 'x');
const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO);
const expired = process.argv[2] === 'expired';
process.stdout.write(JSON.stringify({ apiVersion: info.apiVersion, kind: 'ExecCredential', status: { token: process.env.PLUGIN_TOKEN + ':' + info.spec.cluster.server + ':' + info.spec.interactive, expirationTimestamp: new Date(Date.now() + (expired ? -1000 : 3600e3)).toISOString() } }));`,
    );
    const mk = (args: string[]) =>
      config(`exec-${args.join('-') || 'none'}.yaml`, {
        clusters: [{ name: 'c', cluster: { server: 'https://exec.example' } }],
        users: [{ name: 'u', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: [plugin, ...args], env: [{ name: 'PLUGIN_TOKEN', value: 'tk' }], provideClusterInfo: true } } }],
        contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'x',
      });
    const { readFileSync } = await import('node:fs');
    const src = new CredentialSource(resolveKubeconfig({ kubeconfig: mk([]), env: {} }));
    assert.equal((await src.get()).headers['Authorization'], 'Bearer tk:https://exec.example:false');
    await src.get();
    assert.equal(readFileSync(counter, 'utf8'), 'x', 'a valid credential is cached');
    const expiring = new CredentialSource(resolveKubeconfig({ kubeconfig: mk(['expired']), env: {} }));
    await expiring.get();
    await expiring.get();
    assert.equal(readFileSync(counter, 'utf8'), 'xxx', 'an expired credential is fetched again');
  });

  it('a failing exec plugin is a KubeconfigError with its stderr', async () => {
    const f = config('exec-fail.yaml', {
      clusters: [{ name: 'c', cluster: { server: 'https://x' } }],
      users: [{ name: 'u', user: { exec: { command: process.execPath, args: ['-e', 'console.error("login required"); process.exit(3)'] } } }],
      contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'x',
    });
    await assert.rejects(new CredentialSource(resolveKubeconfig({ kubeconfig: f, env: {} })).get(), (e: unknown) => e instanceof KubeconfigError && /login required/.test(e.message));
  });

  it('a client certificate without key is rejected', () => {
    const f = config('nokey.yaml', {
      clusters: [{ name: 'c', cluster: { server: 'https://x' } }],
      users: [{ name: 'u', user: { 'client-certificate-data': Buffer.from('pem').toString('base64') } }],
      contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'x',
    });
    assert.throws(() => new CredentialSource(resolveKubeconfig({ kubeconfig: f, env: {} })), /without a key/);
  });
});

describe('unreachable server', () => {
  it('a closed port is a ClusterUnreachableError naming the server', async () => {
    const port = await freeLoopbackPort();
    const server = `https://127.0.0.1:${port}`;
    const f = config('closed.yaml', base(server, 'closed'));
    const t = new HttpTransport(resolveKubeconfig({ kubeconfig: f, env: {} }));
    await assert.rejects(t.request('/api'), (e: unknown) => e instanceof ClusterUnreachableError && e.code === 'unreachable' && e.message === `cannot reach the Kubernetes API server at ${server}: connection refused (ECONNREFUSED)`);
    await assert.rejects(loadCluster({ kubeconfig: f, env: {} }), ClusterUnreachableError);
  });
});
