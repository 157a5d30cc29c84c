/**
 * In-process tests of `rampart pss` (the command lives in src/interfaces/cli/commands/pss.ts; the
 * test sits here because the PSS owner owns this directory).
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../../src/interfaces/cli/io.js';
import { main } from '../../../src/interfaces/cli/main.js';

function io(stdin = ''): { io: CliIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d: Buffer) => (o += d.toString()));
  stderr.on('data', (d: Buffer) => (e += d.toString()));
  return { io: { stdout, stderr, cwd: process.cwd(), env: {}, readStdin: async () => stdin }, out: () => o, err: () => e };
}

const dir = mkdtempSync(join(tmpdir(), 'rampart-pss-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const restrictedPod = `apiVersion: v1
kind: Pod
metadata: { name: good, namespace: shop }
spec:
  securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
  containers:
  - name: app
    image: app
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
`;
const baselineDeployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      containers:
      - name: x
        image: nginx
        securityContext: { capabilities: { drop: [ALL] } }
      - name: a
        image: nginx
        securityContext: { allowPrivilegeEscalation: false }
      - name: b
        image: nginx
        securityContext: { allowPrivilegeEscalation: false }
      securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
`;
const privilegedDaemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: ops }
spec:
  template:
    spec:
      hostPID: true
      containers:
      - name: agent
        image: agent
        securityContext: { privileged: true }
`;
writeFileSync(join(dir, 'good.yaml'), restrictedPod);
writeFileSync(join(dir, 'web.yaml'), baselineDeployment);
writeFileSync(join(dir, 'agent.yaml'), privilegedDaemonSet);

async function run(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const t = io(stdin);
  const code = await main(args, t.io);
  return { code, out: t.out(), err: t.err() };
}

describe('rampart pss eval', () => {
  test('--format json: one entry per pod or template with exact fields, exit 1 when any is denied', async () => {
    const r = await run(['pss', 'eval', join(dir, 'good.yaml'), join(dir, 'web.yaml'), '--level', 'restricted', '--version', 'latest', '--format', 'json']);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out) as { results: Record<string, unknown>[] };
    assert.deepEqual(
      json.results.map((e) => Object.keys(e).sort()),
      [
        ['allowed', 'file', 'kind', 'message', 'name', 'namespace', 'violations'],
        ['allowed', 'file', 'kind', 'message', 'name', 'namespace', 'violations'],
      ],
    );
    assert.deepEqual(json.results[0], { file: join(dir, 'good.yaml'), kind: 'Pod', namespace: 'shop', name: 'good', allowed: true, violations: [], message: '' });
    assert.equal(
      json.results[1]?.['message'],
      'allowPrivilegeEscalation != false (container "x" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (containers "a", "b" must set securityContext.capabilities.drop=["ALL"])',
    );
    assert.deepEqual(json.results[1]?.['violations'], [
      { check: 'allowPrivilegeEscalation', reason: 'allowPrivilegeEscalation != false', detail: 'container "x" must set securityContext.allowPrivilegeEscalation=false' },
      { check: 'capabilities_restricted', reason: 'unrestricted capabilities', detail: 'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]' },
    ]);
  });

  test('exit 0 when all are allowed at the given level', async () => {
    const r = await run(['pss', 'eval', join(dir, 'good.yaml'), join(dir, 'web.yaml'), '--level', 'baseline']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /PodSecurity "baseline:latest": 2 evaluated, 2 allowed, 0 denied/);
  });

  test('table lists denied resources with their violations', async () => {
    const r = await run(['pss', 'eval', dir, '--level', 'baseline', '--version', 'v1.30']);
    assert.equal(r.code, 1);
    assert.match(r.out, /DENIED\s+DaemonSet\s+ops\s+agent/);
    assert.match(r.out, /hostNamespaces: host namespaces \(hostPID=true\)/);
    assert.match(r.out, /privileged: privileged \(container "agent" must not set securityContext.privileged=true\)/);
    assert.match(r.out, /PodSecurity "baseline:v1.30": 3 evaluated, 2 allowed, 1 denied/);
  });

  test('reads stdin with -', async () => {
    const r = await run(['pss', 'eval', '-', '--format', 'json'], restrictedPod);
    assert.equal(r.code, 0, r.err);
    assert.equal((JSON.parse(r.out) as { results: { file: string }[] }).results[0]?.file, '<stdin>');
  });

  for (const [args, pattern] of [
    [['pss', 'eval', dir, '--level', 'strict'], /invalid level "strict": must be one of privileged, baseline, restricted/],
    [['pss', 'eval', dir, '--version', 'v1.01'], /invalid version "v1.01": must be "latest" or "v1.x"/],
    [['pss', 'eval', dir, '--format', 'xml'], /unknown --format/],
    [['pss', 'eval'], /no paths given/],
    [['pss', 'frobnicate'], /unknown subcommand/],
  ] as const) {
    test(`usage error (exit 2): ${args.slice(1).join(' ')}`, async () => {
      const r = await run([...args]);
      assert.equal(r.code, 2);
      assert.match(r.err, pattern);
    });
  }
});

describe('rampart pss recommend', () => {
  test('per namespace: level, blockers, labels, kubectl command and patch (json)', async () => {
    const r = await run(['pss', 'recommend', dir, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const { namespaces } = JSON.parse(r.out) as { namespaces: { namespace: string; recommended: { level: string; version: string }; next: { level: string; blockers: { name: string }[] } | null; kubectl: string; patch: string }[] };
    assert.deepEqual(
      namespaces.map((n) => [n.namespace, n.recommended.level, n.next?.level ?? null, n.next?.blockers.map((b) => b.name) ?? []]),
      [
        ['ops', 'privileged', 'baseline', ['agent']],
        ['shop', 'baseline', 'restricted', ['web']],
      ],
    );
    const shop = namespaces[1]!;
    assert.match(shop.kubectl, /^kubectl label --overwrite namespace shop pod-security.kubernetes.io\/enforce=baseline pod-security.kubernetes.io\/enforce-version=v1\.\d+ /);
    assert.match(shop.patch, /kind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io\/enforce: baseline\n/);
  });
});
