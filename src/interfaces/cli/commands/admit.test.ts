import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIO } from '../io.js';
import { UsageError } from '../io.js';
import { parseListen, run, startAdmit } from './admit.js';
import { send } from '../../server/testing.js';
import { pod, request, review } from '../../../engines/admission/testing.js';

function io(cwd: string): CliIO & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { stdout, stderr, cwd, env: {}, readStdin: async () => '', out: () => out, err: () => err };
}

describe('rampart admit certs', () => {
  it('writes a CA, a serving pair for the Service names and IPs, and prints the caBundle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-certs-'));
    const t = io(dir);
    const code = await run(['certs', '--out-dir', 'out', '--service', 'hook', '--namespace', 'sec', '--ip', '127.0.0.1', '--dns', 'localhost'], t);
    assert.equal(code, 0);
    const ca = new X509Certificate(readFileSync(join(dir, 'out', 'ca.crt')));
    const leaf = new X509Certificate(readFileSync(join(dir, 'out', 'tls.crt')));
    assert.ok(leaf.checkIssued(ca) && leaf.verify(ca.publicKey));
    assert.equal(ca.ca, true);
    assert.equal(leaf.ca, false);
    assert.equal(leaf.subjectAltName, 'DNS:hook, DNS:hook.sec, DNS:hook.sec.svc, DNS:hook.sec.svc.cluster.local, DNS:localhost, IP Address:127.0.0.1');
    assert.equal(statSync(join(dir, 'out', 'tls.key')).mode & 0o777, 0o600);
    assert.equal(Buffer.from(t.out().trim(), 'base64').toString(), readFileSync(join(dir, 'out', 'ca.crt'), 'utf8'));
    assert.doesNotMatch(t.out() + t.err(), /PRIVATE KEY/);
  });
  it('rejects bad names and addresses as usage errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-certs-'));
    await assert.rejects(run(['certs', '--service', 'Bad_Name', '--out-dir', dir], io(dir)), UsageError);
    await assert.rejects(run(['certs', '--ip', '300.1.1.1', '--out-dir', dir], io(dir)), UsageError);
  });
});

describe('rampart admit', () => {
  it('parses --listen forms', () => {
    assert.deepEqual(parseListen('127.0.0.1:8443'), { host: '127.0.0.1', port: 8443 });
    assert.deepEqual(parseListen(':9443'), { host: '0.0.0.0', port: 9443 });
    assert.deepEqual(parseListen('[::1]:8443'), { host: '::1', port: 8443 });
    for (const bad of ['8443', 'host:99999', '[nope]:1', 'a:b']) assert.throws(() => parseListen(bad), UsageError, bad);
  });
  it('requires --listen and the TLS files', async () => {
    await assert.rejects(startAdmit(['--tls-cert-file', 'a', '--tls-key-file', 'b'], io('/')), /--listen is required/);
    await assert.rejects(startAdmit(['--listen', ':8443'], io('/')), /--tls-cert-file and --tls-key-file are required/);
  });
  it('reports an invalid admission config with its line (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-admit-'));
    await run(['certs', '--out-dir', '.', '--ip', '127.0.0.1'], io(dir));
    writeFileSync(join(dir, 'rampart.yaml'), 'admission:\n  limits:\n    maxBodyBytes: 1\n');
    const t = io(dir);
    const code = await startAdmit(['--listen', '127.0.0.1:0', '--tls-cert-file', 'tls.crt', '--tls-key-file', 'tls.key', '--config', 'rampart.yaml'], t);
    assert.equal(code, 2);
    assert.match(t.err(), /rampart\.yaml:3:5: maxBodyBytes must be an integer from 1024/);
  });
  it('reports unreadable TLS files (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-admit-'));
    const t = io(dir);
    assert.equal(await startAdmit(['--listen', '127.0.0.1:0', '--tls-cert-file', 'none.crt', '--tls-key-file', 'none.key'], t), 2);
    assert.match(t.err(), /cannot read TLS files: ENOENT/);
  });
  it('serves reviews with the config and logs JSON lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-admit-'));
    await run(['certs', '--out-dir', '.', '--ip', '127.0.0.1'], io(dir));
    writeFileSync(join(dir, 'rampart.yaml'), 'admission:\n  namespaces:\n    legacy: warn\n');
    const t = io(dir);
    const started = await startAdmit(['--listen', '127.0.0.1:0', '--tls-cert-file', 'tls.crt', '--tls-key-file', 'tls.key', '--config', 'rampart.yaml', '--shutdown-delay-ms', '0'], t);
    assert.ok(typeof started !== 'number');
    try {
      const ca = readFileSync(join(dir, 'ca.crt'), 'utf8');
      const evil = (ns: string) => pod('evil', [{ name: 'c', image: 'x', securityContext: { privileged: true } }], { namespace: ns });
      const denied = JSON.parse((await send(started.address.port, ca, { path: '/validate', body: review(request(evil('apps'))) })).body) as { response: { allowed: boolean } };
      assert.equal(denied.response.allowed, false);
      const warned = JSON.parse((await send(started.address.port, ca, { path: '/validate', body: review(request(evil('legacy'))) })).body) as { response: { allowed: boolean; warnings: string[] } };
      assert.equal(warned.response.allowed, true);
      assert.ok(warned.response.warnings.some((w) => w.includes('[privileged-container]')));
    } finally {
      await started.stop();
    }
    const lines = t.out().trim().split('\n').map((l) => JSON.parse(l) as { msg: string });
    assert.equal(lines[0]?.msg, 'listening');
    assert.equal(lines.filter((l) => l.msg === 'admission decision').length, 2);
  });
});
