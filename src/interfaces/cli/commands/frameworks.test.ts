import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { main } from '../main.js';
import type { CliIO } from '../io.js';

async function rampart(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const io: CliIO = { stdout: out, stderr: err, cwd: process.cwd(), env: { NO_COLOR: '1' }, readStdin: async () => '' };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

test('frameworks list: one row per framework', async () => {
  const r = await rampart(['frameworks', 'list', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as { name: string; items: number; implemented: number; manual: number; hostOnly: number; gaps: number }[];
  assert.deepEqual(rows.map((x) => x.name), ['nsa', 'cis', 'pss', 'mitre']);
  const cis = rows.find((x) => x.name === 'cis')!;
  assert.equal(cis.items, 131);
  assert.equal(cis.implemented + cis.manual + cis.hostOnly + cis.gaps, 131);
  assert.ok(cis.hostOnly >= 20, 'host-only file-permission items are listed, not dropped');
  const text = await rampart(['frameworks', 'list']);
  assert.match(text.stdout, /^NAME\s+FRAMEWORK\s+VERSION/);
  assert.match(text.stdout, /\ncis\s+CIS Kubernetes Benchmark\s+1\.12\s+131/);
});

test('frameworks show cis: every item with its controls or the reason it has none', async () => {
  const r = await rampart(['frameworks', 'show', 'cis', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const d = JSON.parse(r.stdout) as { items: { id: string; automated: boolean; coverage: string; controls: string[]; reason?: string }[] };
  assert.equal(d.items.length, 131);
  const item = (id: string) => d.items.find((i) => i.id === id)!;
  assert.deepEqual(item('1.2.15').controls, ['apiserver-profiling']);
  assert.equal(item('1.2.15').coverage, 'implemented');
  assert.equal(item('1.1.1').coverage, 'host-only');
  assert.match(item('1.1.1').reason ?? '', /file permissions/);
  const text = await rampart(['frameworks', 'show', 'cis']);
  assert.match(text.stdout, /1\.2 API Server\n {2}1\.2\.1 {6}API server --anonymous-auth is false \[manual\]\n {13}controls: apiserver-anonymous-auth\n/);
});

test('frameworks show nsa prints recommendations by chapter', async () => {
  const r = await rampart(['frameworks', 'show', 'nsa', '--format', 'json']);
  const d = JSON.parse(r.stdout) as { items: { id: string; description?: string; coverage: string }[] };
  const cp = d.items.find((i) => i.id === 'network/control-plane')!;
  assert.equal(cp.coverage, 'implemented');
  assert.match(cp.description ?? '', /anonymous/);
  assert.equal(d.items.find((i) => i.id === 'network/kubeconfig')?.coverage, 'manual');
});

test('usage errors exit 2', async () => {
  for (const args of [['frameworks', 'show'], ['frameworks', 'show', 'iso27001'], ['frameworks', 'list', '--format', 'xml'], ['frameworks', 'frobnicate'], ['frameworks']]) {
    const r = await rampart(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.notEqual(r.stderr, '');
  }
});
