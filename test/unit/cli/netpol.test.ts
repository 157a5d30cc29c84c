/** `rampart netpol` end to end, in-process (the command writes only through CliIO). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { CliIO } from '../../../src/interfaces/cli/io.js';
import { UsageError } from '../../../src/interfaces/cli/io.js';
import { run } from '../../../src/interfaces/cli/commands/netpol.js';

function io(cwd: string): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        f(chunk.toString());
        cb();
      },
    });
  return {
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
    readStdin: async () => '',
    cwd,
    env: {},
    out: () => out,
    err: () => err,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'rampart-netpol-'));
const APP = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: c, image: nginx, ports: [{ name: http, containerPort: 8080 }] }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: db, namespace: shop }
spec:
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: c, image: postgres, ports: [{ name: pg, containerPort: 5432 }] }]
`;
const POLICY = (ports: string): string => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress:
  - from: [{ podSelector: { matchLabels: { app: web } } }]
    ports: ${ports}
`;
mkdirSync(join(dir, 'v1'));
mkdirSync(join(dir, 'v2'));
writeFileSync(join(dir, 'v1', 'app.yaml'), APP + '---\n' + POLICY('[{ port: pg }]'));
writeFileSync(join(dir, 'v2', 'app.yaml'), APP + '---\n' + POLICY('[{ port: 5432, endPort: 5440 }]'));
writeFileSync(join(dir, 'flows.yaml'), '- { source: shop/web, destination: shop/db, port: pg }\n');

test('eval --format json: allowed, with both sides explained and exit 0', async () => {
  const t = io(dir);
  const code = await run(['eval', 'v1', '--from', 'shop/web', '--to', 'shop/db', '--port', '5432', '--format', 'json'], t);
  assert.equal(code, 0);
  const r = JSON.parse(t.out()) as { allowed: boolean; egress: { isolated: boolean; allowed: boolean }; ingress: { isolated: boolean; decidedBy: { policy: string; rule: string; location: { line: number } }[] } };
  assert.equal(r.allowed, true);
  assert.deepEqual([r.egress.isolated, r.egress.allowed], [false, true]);
  assert.equal(r.ingress.isolated, true);
  assert.deepEqual(r.ingress.decidedBy.map((d) => [d.policy, d.rule, d.location.line]), [['NetworkPolicy/shop/db', 'ingress[0]', 25]]);
});

test('eval: denied by isolation exits 1 and names the isolating policy', async () => {
  const t = io(dir);
  const code = await run(['eval', 'v1', '--from', 'shop/db', '--to', 'shop/db', '--port', '5432'], t);
  assert.equal(code, 1);
  assert.match(t.out(), /DENIED/);
  assert.match(t.out(), /isolated for ingress by NetworkPolicy\/shop\/db and no rule allows it/);
  const j = io(dir);
  await run(['eval', 'v1', '--from', 'shop/db', '--to', 'shop/db', '--port', '5432', '--format', 'json'], j);
  const r = JSON.parse(j.out()) as { allowed: boolean; ingress: { isolated: boolean; decidedBy: { action: string; isolatedBy: string[] }[] } };
  assert.equal(r.allowed, false);
  assert.deepEqual(r.ingress.decidedBy.map((d) => [d.action, d.isolatedBy]), [['Isolate', ['NetworkPolicy/shop/db']]]);
});

test('eval: usage errors', async () => {
  await assert.rejects(run(['eval', 'v1', '--from', 'shop/web', '--to', 'shop/nope', '--port', '80'], io(dir)), UsageError);
  await assert.rejects(run(['eval', 'v1', '--from', 'shop/web', '--to', 'shop/db'], io(dir)), UsageError);
  await assert.rejects(run(['eval', 'v1', '--from', 'shop/web', '--to', 'shop/db', '--port', 'nope'], io(dir)), UsageError);
  await assert.rejects(run(['list', 'v1', '--cni', 'weave'], io(dir)), UsageError);
  await assert.rejects(run(['list', 'v1', '--format', 'xml'], io(dir)), UsageError);
  await assert.rejects(run(['bogus'], io(dir)), UsageError);
});

test('list: port ranges per protocol, focus, formats', async () => {
  const t = io(dir);
  assert.equal(await run(['list', 'v1', '--focus', 'shop/db'], t), 0);
  assert.equal(t.out(), 'shop/db => shop/web : all ports\nshop/db => any external address : all ports\nshop/web => shop/db : TCP 5432\n');
  const j = io(dir);
  await run(['list', 'v1', '--format', 'json'], j);
  const parsed = JSON.parse(j.out()) as { connections: { src: string; dst: string; ports: Record<string, string> }[] };
  assert.ok(parsed.connections.some((c) => c.src === 'shop/db' && c.dst === 'shop/web' && c.ports['TCP'] === '1-65535'));
});

test('exposure --format json', async () => {
  const t = io(dir);
  await run(['exposure', 'v1', '--format', 'json'], t);
  const r = JSON.parse(t.out()) as { notIsolated: { ingress: string[] } };
  assert.deepEqual(r.notIsolated.ingress, ['shop/web']);
});

test('diff: reports the widened port range and exits 1; identical trees exit 0', async () => {
  const t = io(dir);
  assert.equal(await run(['diff', 'v1', 'v2'], t), 1);
  assert.equal(t.out(), '~ shop/web => shop/db : TCP 5432 -> TCP 5432-5440 (opened TCP 5433-5440)\n');
  assert.equal(await run(['diff', 'v1', 'v1'], io(dir)), 0);
});

test('synthesize: YAML policies on stdout, verification on stderr', async () => {
  const t = io(dir);
  assert.equal(await run(['synthesize', 'v1', '--connections', 'flows.yaml'], t), 0);
  assert.match(t.out(), /name: allow-ingress-db/);
  assert.match(t.err(), /verification passed/);
});
