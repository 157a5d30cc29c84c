/**
 * A webhook server in its own process, so its peak RSS is its own: `rampart` serves the real
 * AdmissionServer with every control; `noop` is a node:https server written the same way (same
 * TLS setup, reads the whole body, parses it, answers a fixed allowed AdmissionReview).
 * Talks to the parent over IPC: sends {port}; on "stop" sends {maxRssBytes} and exits.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { AdmissionEngine, NamespaceCache, defaultAdmissionConfig } from '../../src/engines/admission/index.js';
import { allControls } from '../../src/engines/controls/registry.js';
import { selectControls } from '../../src/scan/run.js';
import { EMPTY_CONFIG } from '../../src/config/config.js';
import { AdmissionServer } from '../../src/interfaces/server/server.js';
import { BENCH_NAMESPACE } from './fixtures.js';

const [mode, certFile, keyFile] = process.argv.slice(2) as [string, string, string];

async function start(): Promise<{ port: number; close: () => Promise<void> }> {
  if (mode === 'rampart') {
    const config = defaultAdmissionConfig();
    const namespaces = new NamespaceCache({ ttlMs: 3_600_000 });
    namespaces.observe(BENCH_NAMESPACE);
    const server = new AdmissionServer({
      engine: new AdmissionEngine({ controls: selectControls(allControls(), EMPTY_CONFIG), config }),
      namespaces,
      certFile,
      keyFile,
      limits: { ...config.limits, maxConcurrent: 1024 },
      log: () => {}, // the decision log line is built; writing it to a pipe is not what is measured
      certPollMs: 3_600_000,
    });
    const addr = await server.listen(0, '127.0.0.1');
    return { port: addr.port, close: () => server.close() };
  }
  const answer = JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response: { uid: '', allowed: true } });
  const server = createServer({ cert: readFileSync(certFile), key: readFileSync(keyFile), minVersion: 'TLSv1.2' }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const doc = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { request?: { uid?: string } };
      const body = answer.replace('"uid":""', `"uid":${JSON.stringify(doc.request?.uid ?? '')}`);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 75_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); }) };
}

const s = await start();
process.send?.({ port: s.port });
process.on('message', (m) => {
  if (m !== 'stop') return;
  void s.close().then(() => {
    process.send?.({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }, () => process.exit(0));
  });
});
