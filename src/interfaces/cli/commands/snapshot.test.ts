import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../main.js';
import type { CliIO } from '../io.js';
import { clusterLoadOptions, progressReporter, scanInputFromCluster } from './snapshot.js';
import { freeLoopbackPort } from '../../../input/cluster/test-ports.js';

function io(env: Record<string, string | undefined> = {}): { io: CliIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (c: Buffer) => (o += c.toString()));
  stderr.on('data', (c: Buffer) => (e += c.toString()));
  return { io: { stdout, stderr, readStdin: async () => '', cwd: process.cwd(), env }, out: () => o, err: () => e };
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rampart-snapcmd-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('rampart snapshot', () => {
  const usage: { argv: string[]; message: RegExp }[] = [
    { argv: ['-o', 'x'], message: /pass --cluster/ },
    { argv: ['--cluster'], message: /-o <dir>/ },
    { argv: ['--cluster', '-o', 'x', 'extra'], message: /unexpected argument "extra"/ },
    { argv: ['--cluster', '-o', 'x', '-n', 'a', '-A'], message: /mutually exclusive/ },
    { argv: ['--cluster', '-o', 'x', '--concurrency', '0'], message: /--concurrency must be an integer/ },
    { argv: ['--cluster', '-o', 'x', '--bogus'], message: /bogus/ },
  ];
  for (const c of usage) {
    it(`exit 2: ${c.argv.join(' ')}`, async () => {
      const t = io();
      assert.equal(await main(['snapshot', ...c.argv], t.io), 2);
      assert.match(t.err(), c.message);
    });
  }

  it('exit 2 with a clear message when the API server is unreachable; writes nothing', async () => {
    const port = await freeLoopbackPort();
    const kc = join(dir, 'kc.yaml');
    writeFileSync(
      kc,
      `clusters: [{name: c, cluster: {server: "https://127.0.0.1:${port}"}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n`,
    );
    const t = io();
    const out = join(dir, 'out');
    assert.equal(await main(['snapshot', '--cluster', '--kubeconfig', kc, '-o', out], t.io), 2);
    assert.equal(t.err(), `rampart snapshot: cannot reach the Kubernetes API server at https://127.0.0.1:${port}: connection refused (ECONNREFUSED)\n`);
    assert.equal(existsSync(out), false);
  });

  it('exit 2 for an unknown context', async () => {
    const t = io({ KUBECONFIG: join(dir, 'none.yaml') });
    assert.equal(await main(['snapshot', '--cluster', '-o', join(dir, 'o2')], t.io), 2);
    assert.match(t.err(), /KUBECONFIG/);
  });

  it('--help', async () => {
    const t = io();
    assert.equal(await main(['snapshot', '--help'], t.io), 0);
    assert.match(t.out(), /--exclude-namespaces/);
  });
});

describe('scanInputFromCluster', () => {
  it('returns exit 2 and says why when the server is unreachable', async () => {
    const port = await freeLoopbackPort();
    const kc = join(dir, 'kc-scan.yaml');
    writeFileSync(kc, `clusters: [{name: c, cluster: {server: "https://127.0.0.1:${port}"}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\ncurrent-context: x\n`);
    const t = io();
    assert.equal(await scanInputFromCluster({ cluster: true, kubeconfig: kc, 'exclude-namespaces': 'kube-system' }, t.io), 2);
    assert.match(t.err(), /^rampart scan: cannot reach the Kubernetes API server at https:\/\/127\.0\.0\.1:\d+: connection refused/);
  });
});

describe('clusterLoadOptions', () => {
  it('splits comma lists, merges repeats and passes the environment', () => {
    const env = { KUBECONFIG: '/k' };
    const o = clusterLoadOptions({ namespace: ['a,b', 'c'], 'exclude-namespaces': ['kube-system, kube-public'], context: 'x', concurrency: '8', 'include-owned': true }, io(env).io);
    assert.deepEqual(o, { env, context: 'x', namespaces: ['a', 'b', 'c'], excludeNamespaces: ['kube-system', 'kube-public'], includeOwned: true, concurrency: 8 });
  });
});

describe('progressReporter', () => {
  it('draws one line on a TTY and clears it; stays silent otherwise', () => {
    const tty = io();
    (tty.io.stderr as { isTTY?: boolean }).isTTY = true;
    const p = progressReporter(tty.io);
    p.onProgress?.({ done: 3, total: 10, kind: 'pods', namespace: 'shop', resources: 42 });
    p.done();
    assert.equal(tty.err(), '\r\x1b[2Kreading cluster: 3/10 lists, 42 objects (pods in shop)\r\x1b[2K');
    const pipe = io();
    const q = progressReporter(pipe.io);
    assert.equal(q.onProgress, undefined);
    q.done();
    assert.equal(pipe.err(), '');
  });
});
