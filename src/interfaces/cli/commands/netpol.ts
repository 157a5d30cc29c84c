/**
 * `rampart netpol <eval|list|exposure|diff|synthesize>`: NetworkPolicy reachability. Thin: parsing
 * and rendering only; the engine lives in src/engines/netpol.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseAllDocuments, stringify } from 'yaml';
import type { CliIO } from '../io.js';
import { EXIT, UsageError } from '../io.js';
import { loadPaths } from '../../../input/index.js';
import type { Resource } from '../../../model/types.js';
import { NetworkAnalysis } from '../../../engines/netpol/analysis.js';
import type { AnalysisOptions } from '../../../engines/netpol/analysis.js';
import { CNI_NAMES, isCniName } from '../../../engines/netpol/cni.js';
import { listConnections } from '../../../engines/netpol/connectivity.js';
import { diffAnalyses, diffJson, diffText } from '../../../engines/netpol/diff.js';
import type { EvalResult, SideExplanation } from '../../../engines/netpol/eval.js';
import { NetpolInputError, evaluateConnection, findWorkload } from '../../../engines/netpol/eval.js';
import { exposureReport } from '../../../engines/netpol/exposure.js';
import type { ListFormat } from '../../../engines/netpol/format.js';
import { LIST_FORMATS, formatConnections } from '../../../engines/netpol/format.js';
import { IpParseError, parseCidr } from '../../../engines/netpol/ip.js';
import { parseFlows, synthesize } from '../../../engines/netpol/synthesize.js';

const USAGE = `Usage: rampart netpol <subcommand> [options]

Subcommands:
  eval [paths...] --from <ns/workload|IP> --to <ns/workload|ns/service|IP> --port <number|name> [--protocol TCP|UDP|SCTP] [--format txt|json]
      May this connection happen? Explains both sides (exit 0 allowed, 1 denied).
  list [paths...] [--format txt|json|csv|md|dot] [--focus <ns/workload>] [--no-external]
      Every allowed connection, as port ranges per protocol.
  exposure [paths...] [--format txt|json]
      Non-isolated workloads, who reaches each workload, blast radius, connections from outside.
  diff <dirA> <dirB> [--format txt|json]
      Connections added, removed and changed (exit 1 when anything changed).
  synthesize [paths...] --connections <file> [--format yaml|json] [--no-dns]
      Least-privilege NetworkPolicies for the given flows, verified by the same engine
      (exit 1 when the verification fails).

Common options:
  --cni generic|calico|cilium|ovn   Network plugin profile for behaviour that differs (default generic; see docs/netpol.md)
  --pod-cidr <cidr>                 Cluster pod CIDR (repeatable; default: pods are IPv4, location unknown). Decides
                                    when an ipBlock (calico, ovn) or an ANP networks peer matches pod traffic
`;

const COMMON = {
  cni: { type: 'string' },
  'pod-cidr': { type: 'string', multiple: true },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function analysisOptions(values: { cni?: string | undefined; 'pod-cidr'?: string[] | undefined }): AnalysisOptions {
  const opts: AnalysisOptions = {};
  if (values.cni !== undefined) {
    if (!isCniName(values.cni)) throw new UsageError(`--cni must be one of ${CNI_NAMES.join(', ')}`);
    opts.cni = values.cni;
  }
  if (values['pod-cidr']) {
    try {
      opts.podCidrs = values['pod-cidr'].map(parseCidr);
    } catch (err) {
      if (err instanceof IpParseError) throw new UsageError(`--pod-cidr: ${err.message}`);
      throw err;
    }
  }
  return opts;
}

async function load(paths: string[], io: CliIO): Promise<Resource[]> {
  if (paths.length === 0) throw new UsageError('give at least one manifest path (file, directory, or - for stdin)');
  // Paths stay as the user gave them (findings show them verbatim) unless the IO has its own cwd.
  const abs = io.cwd === process.cwd() ? paths : paths.map((p) => (p === '-' || isAbsolute(p) ? p : resolve(io.cwd, p)));
  const result = await loadPaths(abs, { stdin: () => io.readStdin() });
  for (const e of result.errors) io.stderr.write(`rampart netpol: ${e.file}:${e.line}:${e.column}: ${e.message}\n`);
  return result.resources;
}

function warn(io: CliIO, a: NetworkAnalysis): void {
  for (const w of a.model.warnings) io.stderr.write(`rampart netpol: warning: ${w.ref} ${w.pointer}: ${w.message}\n`);
}

function format<T extends string>(value: string | undefined, allowed: readonly T[], dflt: T): T {
  const v = value ?? dflt;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return v as T;
}

function sideText(label: string, s: SideExplanation): string {
  if (!s.applicable) return `  ${label}: ${s.reason}`;
  const head = `  ${label}: ${s.allowed ? 'allowed' : 'denied'}${s.isolated ? ` (isolated by ${s.policies.join(', ')})` : ' (not isolated)'}`;
  const steps = s.decidedBy.map((d) => `    - ${d.reason}${d.location ? ` [${d.location.file}:${d.location.line}]` : ''}`);
  return [head, ...steps].join('\n');
}

function evalText(r: EvalResult): string {
  const lines = [`${r.from} -> ${r.to} ${r.protocol}/${r.port}: ${r.allowed ? 'ALLOWED' : 'DENIED'}`];
  if (r.service) {
    for (const b of r.service.backends) lines.push(`  backend ${b.to} ${b.protocol}/${b.port}: ${b.allowed ? 'allowed' : 'denied'}`, sideText('  egress', b.egress), sideText('  ingress', b.ingress));
  } else {
    lines.push(sideText('egress', r.egress), sideText('ingress', r.ingress));
  }
  for (const n of r.notes) lines.push(`  note: ${n}`);
  return lines.join('\n') + '\n';
}

function inputError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof NetpolInputError) throw new UsageError(err.message);
    throw err;
  }
}

async function runEval(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...COMMON, from: { type: 'string' }, to: { type: 'string' }, port: { type: 'string' }, protocol: { type: 'string' } } });
  if (values.help) return help(io);
  if (!values.from || !values.to || !values.port) throw new UsageError('eval needs --from, --to and --port');
  const fmt = format(values.format, ['txt', 'json'] as const, 'txt');
  const a = NetworkAnalysis.fromResources(await load(positionals, io), analysisOptions(values));
  warn(io, a);
  const req = { from: values.from, to: values.to, port: values.port, ...(values.protocol !== undefined ? { protocol: values.protocol } : {}) };
  const r = inputError(() => evaluateConnection(a, req));
  io.stdout.write(fmt === 'json' ? JSON.stringify(r, null, 2) + '\n' : evalText(r));
  return r.allowed ? EXIT.ok : EXIT.findings;
}

async function runList(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...COMMON, focus: { type: 'string' }, 'no-external': { type: 'boolean' } } });
  if (values.help) return help(io);
  const fmt = format<ListFormat>(values.format, LIST_FORMATS, 'txt');
  const a = NetworkAnalysis.fromResources(await load(positionals, io), analysisOptions(values));
  warn(io, a);
  const opts: { focus?: NonNullable<ReturnType<typeof findWorkload>>; external?: boolean } = {};
  if (values.focus !== undefined) {
    const w = inputError(() => findWorkload(a.model, values.focus!));
    if (!w) throw new UsageError(`--focus: no workload "${values.focus}" in the manifests`);
    opts.focus = w;
  }
  if (values['no-external']) opts.external = false;
  io.stdout.write(formatConnections(listConnections(a, opts), fmt, { warnings: a.model.warnings, cni: a.profile.name }));
  return EXIT.ok;
}

async function runExposure(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: COMMON });
  if (values.help) return help(io);
  const fmt = format(values.format, ['txt', 'json'] as const, 'txt');
  const a = NetworkAnalysis.fromResources(await load(positionals, io), analysisOptions(values));
  warn(io, a);
  const r = exposureReport(a);
  if (fmt === 'json') {
    io.stdout.write(JSON.stringify(r, null, 2) + '\n');
    return EXIT.ok;
  }
  const lines = [`${r.workloads} workloads; ${r.notIsolated.ingress.length} not isolated for ingress, ${r.notIsolated.egress.length} not isolated for egress`];
  if (r.notIsolated.ingress.length) lines.push(`Not isolated for ingress: ${r.notIsolated.ingress.join(', ')}`);
  if (r.notIsolated.egress.length) lines.push(`Not isolated for egress: ${r.notIsolated.egress.join(', ')}`);
  if (r.reachableFromAll.length) lines.push(`Reachable from every workload: ${r.reachableFromAll.join(', ')}`);
  lines.push('', 'workload  reachable-from  blast-radius  from-outside');
  for (const e of r.exposures) lines.push(`${e.ref}  ${e.reachableFrom.length}  ${e.blastRadius.length}  ${e.fromExternal.map((x) => `${x.from} (${x.connection})`).join('; ') || '-'}`);
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}

async function runDiff(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: COMMON });
  if (values.help) return help(io);
  if (positionals.length !== 2) throw new UsageError('diff needs exactly two paths: <dirA> <dirB>');
  const fmt = format(values.format, ['txt', 'json'] as const, 'txt');
  const opts = analysisOptions(values);
  const before = NetworkAnalysis.fromResources(await load([positionals[0]!], io), opts);
  const after = NetworkAnalysis.fromResources(await load([positionals[1]!], io), opts);
  warn(io, after);
  const d = diffAnalyses(before, after);
  io.stdout.write(fmt === 'json' ? JSON.stringify(diffJson(d), null, 2) + '\n' : diffText(d));
  return d.added.length + d.removed.length + d.changed.length > 0 ? EXIT.findings : EXIT.ok;
}

async function runSynthesize(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...COMMON, connections: { type: 'string' }, 'no-dns': { type: 'boolean' } } });
  if (values.help) return help(io);
  if (!values.connections) throw new UsageError('synthesize needs --connections <file>');
  const fmt = format(values.format, ['yaml', 'json'] as const, 'yaml');
  const file = isAbsolute(values.connections) ? values.connections : resolve(io.cwd, values.connections);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`--connections: cannot read ${values.connections}`);
  }
  const docs = parseAllDocuments(text);
  const first = Array.isArray(docs) ? docs[0] : docs;
  if (!first || first.errors.length > 0) throw new UsageError(`--connections: ${values.connections} is not valid YAML or JSON`);
  const resources = await load(positionals, io);
  const result = inputError(() => synthesize(resources, parseFlows(first.toJSON()), { ...analysisOptions(values), dns: !values['no-dns'] }));
  for (const w of result.warnings) io.stderr.write(`rampart netpol: warning: ${w}\n`);
  if (fmt === 'json') {
    io.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } else {
    io.stdout.write(result.policies.map((p) => stringify(p)).join('---\n'));
    const v = result.verification;
    io.stderr.write(`rampart netpol: verification ${v.verified ? 'passed: the generated policies allow exactly the given flows' : `FAILED: ${v.extra.length} extra, ${v.missing.length} missing`}\n`);
    for (const e of v.extra) io.stderr.write(`  extra:   ${e.src} => ${e.dst} : ${e.ports}\n`);
    for (const m of v.missing) io.stderr.write(`  missing: ${m.src} => ${m.dst} : ${m.ports}\n`);
  }
  return result.verification.verified ? EXIT.ok : EXIT.findings;
}

function help(io: CliIO): number {
  io.stdout.write(USAGE);
  return EXIT.ok;
}

const SUBCOMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  eval: runEval,
  list: runList,
  exposure: runExposure,
  diff: runDiff,
  synthesize: runSynthesize,
};

export async function run(argv: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout.write(USAGE);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  const fn = SUBCOMMANDS[sub];
  if (!fn) throw new UsageError(`unknown subcommand "${sub}"\n\n${USAGE}`);
  return fn(rest, io);
}
