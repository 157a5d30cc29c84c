/**
 * `rampart admit`: the admission webhook.
 *   rampart admit --listen <host:port> --tls-cert-file <f> --tls-key-file <f> [--config rampart.yaml]
 *   rampart admit certs [--out-dir DIR] [--service NAME] [--namespace NS] [--ip IP ...] [--dns NAME ...]
 * Logic lives in engines/admission (decisions) and interfaces/server (HTTPS); this file wires
 * flags, config and signals.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIO } from '../io.js';
import { EXIT, UsageError } from '../io.js';
import { loadConfig } from '../../../config/config.js';
import { ConfigError } from '../../../config/errors.js';
import { allControls } from '../../../engines/controls/registry.js';
import { selectControls } from '../../../scan/run.js';
import { AdmissionEngine, NamespaceCache, admissionConfigOf } from '../../../engines/admission/index.js';
import { AdmissionServer } from '../../server/server.js';
import { TlsFilesError } from '../../server/tls.js';
import { CertRequestError, generateCerts } from '../../server/certs.js';
import { apiServerNamespaceLookup, inCluster } from '../../server/namespace-lookup.js';

const SERVE_HELP = `Usage: rampart admit --listen <host:port> --tls-cert-file <file> --tls-key-file <file> [options]
       rampart admit certs [options]

Runs the admission webhook (HTTPS): POST /validate, POST /mutate, GET /healthz, /readyz, /metrics.

Options:
  --listen <host:port>        Address to listen on (e.g. 0.0.0.0:8443, 127.0.0.1:9443)
  --tls-cert-file <file>      Serving certificate (PEM); reloaded when it changes
  --tls-key-file <file>       Serving key (PEM); reloaded when it changes
  --config <file>             rampart.yaml (controls, and the admission: section)
  --namespace-lookup <mode>   auto (read Namespaces from the API server when in-cluster) | off
  --cert-poll-ms <n>          How often certificate files are checked (default 5000)
  --drain-ms <n>              How long shutdown waits for in-flight reviews (default 10000)
  --shutdown-delay-ms <n>     On SIGTERM, keep serving (not ready) this long before closing, while
                              the endpoint removal propagates (default 5000)
  -h, --help                  Show this help
`;

const CERTS_HELP = `Usage: rampart admit certs [options]

Generates a CA and a serving certificate for the webhook Service, writes ca.crt, tls.crt and
tls.key (0600) to the output directory, and prints the caBundle (base64 CA certificate) for the
webhook configurations. The CA key is not kept.

Options:
  --out-dir <dir>     Output directory (default ./rampart-certs)
  --service <name>    Service name (default rampart-webhook)
  --namespace <ns>    Service namespace (default rampart-system)
  --dns <name>        Extra DNS name (repeatable)
  --ip <address>      Extra IP address, e.g. 127.0.0.1 for local testing (repeatable)
  --days <n>          Validity of the serving certificate in days (default 365)
  -h, --help          Show this help
`;

function positiveInt(flag: string, v: string | undefined, fallback: number, max: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${flag} must be an integer from 1 to ${max}, got "${v}"`);
  return n;
}

/** `host:port`, `[v6]:port` or `:port` (all interfaces). */
export function parseListen(v: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(v);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw new UsageError(`--listen must be host:port (e.g. 0.0.0.0:8443), got "${v}"`);
  const host = m[1] ?? (m[2] || '0.0.0.0');
  if (m[1] !== undefined && isIP(m[1]) !== 6) throw new UsageError(`--listen: "${m[1]}" is not an IPv6 address`);
  return { host, port };
}

export interface RunningAdmission {
  server: AdmissionServer;
  address: { host: string; port: number };
  stop(): Promise<void>;
}

/** Parse flags, load config, start the server. Exported so tests can run it in-process. */
export async function startAdmit(argv: string[], io: CliIO): Promise<RunningAdmission | number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      listen: { type: 'string' },
      'tls-cert-file': { type: 'string' },
      'tls-key-file': { type: 'string' },
      config: { type: 'string' },
      'namespace-lookup': { type: 'string' },
      'cert-poll-ms': { type: 'string' },
      'drain-ms': { type: 'string' },
      'shutdown-delay-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout.write(SERVE_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (subcommands: certs)`);
  if (!values.listen) throw new UsageError('--listen is required (e.g. --listen 0.0.0.0:8443)');
  if (!values['tls-cert-file'] || !values['tls-key-file']) throw new UsageError('--tls-cert-file and --tls-key-file are required (see `rampart admit certs`)');
  const lookupMode = values['namespace-lookup'] ?? 'auto';
  if (lookupMode !== 'auto' && lookupMode !== 'off') throw new UsageError(`--namespace-lookup must be auto or off, got "${lookupMode}"`);
  const { host, port } = parseListen(values.listen);

  const controls = allControls();
  let engine: AdmissionEngine;
  let limits;
  try {
    const config = loadConfig(values.config, io.cwd, controls);
    const admission = admissionConfigOf(config, new Set(controls.map((c) => c.meta.id)), io.cwd, io.env['POD_NAMESPACE'] || undefined);
    limits = admission.limits;
    engine = new AdmissionEngine({ controls: selectControls(controls, config), config: admission });
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr.write(`rampart admit: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  const log = (line: string): void => {
    io.stdout.write(line + '\n');
  };
  const useLookup = lookupMode === 'auto' && inCluster(io.env);
  const lookup = useLookup ? await apiServerNamespaceLookup(Math.min(1000, Math.floor(limits.requestTimeoutMs / 2))) : undefined;
  const namespaces = new NamespaceCache({ ttlMs: limits.namespaceCacheTtlSeconds * 1000, ...(lookup ? { lookup } : {}) });
  let server: AdmissionServer;
  try {
    server = new AdmissionServer({
      engine,
      namespaces,
      certFile: resolve(io.cwd, values['tls-cert-file']),
      keyFile: resolve(io.cwd, values['tls-key-file']),
      limits,
      log,
      certPollMs: positiveInt('--cert-poll-ms', values['cert-poll-ms'], 5000, 3_600_000),
      drainMs: positiveInt('--drain-ms', values['drain-ms'], 10_000, 600_000),
      shutdownDelayMs: values['shutdown-delay-ms'] === '0' ? 0 : positiveInt('--shutdown-delay-ms', values['shutdown-delay-ms'], 5_000, 120_000),
    });
  } catch (e) {
    if (e instanceof TlsFilesError) {
      io.stderr.write(`rampart admit: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  const address = await server.listen(port, host);
  log(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'info',
      msg: 'listening',
      address: `${address.address}:${address.port}`,
      controls: Object.keys(engine.actions()).length,
      namespaceLookup: useLookup ? 'api-server' : 'admitted-namespaces-only',
    }),
  );
  return { server, address: { host: address.address, port: address.port }, stop: () => server.close() };
}

async function serve(argv: string[], io: CliIO): Promise<number> {
  const started = await startAdmit(argv, io);
  if (typeof started === 'number') return started;
  await new Promise<void>((done) => {
    const shutdown = (signal: string): void => {
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      process.off('SIGHUP', onHup);
      io.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'shutting down', signal }) + '\n');
      void started.stop().then(done, done);
    };
    const onTerm = (): void => shutdown('SIGTERM');
    const onInt = (): void => shutdown('SIGINT');
    const onHup = (): void => {
      started.server.reloadCertificates();
    };
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
    process.on('SIGHUP', onHup);
  });
  return EXIT.ok;
}

async function certs(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'out-dir': { type: 'string' },
      service: { type: 'string' },
      namespace: { type: 'string' },
      dns: { type: 'string', multiple: true },
      ip: { type: 'string', multiple: true },
      days: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout.write(CERTS_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const outDir = resolve(io.cwd, values['out-dir'] ?? 'rampart-certs');
  let generated;
  try {
    generated = generateCerts({
      service: values.service ?? 'rampart-webhook',
      namespace: values.namespace ?? 'rampart-system',
      dnsNames: values.dns ?? [],
      ips: values.ip ?? [],
      days: positiveInt('--days', values.days, 365, 3650),
    });
  } catch (e) {
    if (e instanceof CertRequestError) throw new UsageError(e.message);
    throw e;
  }
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(outDir, 'ca.crt'), generated.caCert, { mode: 0o644 });
  writeFileSync(join(outDir, 'tls.crt'), generated.cert, { mode: 0o644 });
  writeFileSync(join(outDir, 'tls.key'), generated.key, { mode: 0o600 });
  io.stderr.write(
    `wrote ${join(outDir, 'ca.crt')}, tls.crt, tls.key (names: ${[...generated.dnsNames, ...generated.ips].join(', ')})\n` +
      `caBundle for the webhook configurations follows on stdout.\n`,
  );
  io.stdout.write(generated.caBundle + '\n');
  return EXIT.ok;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === 'certs') return certs(argv.slice(1), io);
  return serve(argv, io);
}
