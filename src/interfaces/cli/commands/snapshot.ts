/**
 * `rampart snapshot --cluster -o dir/`: writes what a cluster holds as manifests, for offline
 * scans. Also exports the `--cluster` flag set and its parsing, shared with `rampart scan --cluster`.
 */
import { parseArgs } from 'node:util';
import type { CliIO } from '../io.js';
import { EXIT, UsageError } from '../io.js';
import { ClusterError, formatGap, loadCluster, type ClusterLoadOptions, type ClusterProgress } from '../../../input/cluster/index.js';
import { SnapshotError, writeSnapshot } from '../../../input/cluster/snapshot.js';
import { VERSION } from '../../../version.js';
import type { ScanInput } from '../../../scan/run.js';

/** parseArgs option descriptors for reading a cluster; spread them into a command's options. */
export const CLUSTER_FLAGS = {
  cluster: { type: 'boolean' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  namespace: { type: 'string', short: 'n', multiple: true },
  'all-namespaces': { type: 'boolean', short: 'A' },
  'exclude-namespaces': { type: 'string', multiple: true },
  'include-owned': { type: 'boolean' },
  concurrency: { type: 'string' },
} as const;

export interface ClusterFlagValues {
  cluster?: boolean;
  kubeconfig?: string;
  context?: string;
  namespace?: string | string[];
  'all-namespaces'?: boolean;
  'exclude-namespaces'?: string | string[];
  'include-owned'?: boolean;
  concurrency?: string;
}

/** Accepts repeated and comma-separated values: `-n a,b -n c`. */
const splitList = (vs: string | readonly string[] | undefined): string[] =>
  (vs === undefined ? [] : typeof vs === 'string' ? [vs] : vs).flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s.length > 0);

/** Turns the flags into `loadCluster` options; throws UsageError for contradictions. */
export function clusterLoadOptions(values: ClusterFlagValues, io: CliIO): ClusterLoadOptions {
  const namespaces = splitList(values.namespace);
  if (namespaces.length > 0 && values['all-namespaces']) throw new UsageError('--namespace and --all-namespaces are mutually exclusive');
  const opts: ClusterLoadOptions = { env: io.env };
  if (values.kubeconfig !== undefined) opts.kubeconfig = values.kubeconfig;
  if (values.context !== undefined) opts.context = values.context;
  if (namespaces.length > 0) opts.namespaces = namespaces;
  const excluded = splitList(values['exclude-namespaces']);
  if (excluded.length > 0) opts.excludeNamespaces = excluded;
  if (values['include-owned']) opts.includeOwned = true;
  if (values.concurrency !== undefined) {
    const n = Number(values.concurrency);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency must be an integer from 1 to 64, got "${values.concurrency}"`);
    opts.concurrency = n;
  }
  return opts;
}

/** A one-line progress display on a TTY stderr; nothing otherwise (logs stay clean). */
export function progressReporter(io: CliIO): { onProgress?: (p: ClusterProgress) => void; done: () => void } {
  if (!io.stderr.isTTY) return { done: () => {} };
  let shown = false;
  return {
    onProgress: (p) => {
      shown = true;
      io.stderr.write(`\r\x1b[2Kreading cluster: ${p.done}/${p.total} lists, ${p.resources} objects (${p.kind}${p.namespace ? ` in ${p.namespace}` : ''})`);
    },
    done: () => {
      if (shown) io.stderr.write('\r\x1b[2K');
    },
  };
}

/**
 * `rampart scan --cluster`: reads the cluster into a ScanInput (resources + coverage gaps), or
 * returns exit code 2 after printing why the cluster could not be read.
 */
export async function scanInputFromCluster(values: Record<string, unknown>, io: CliIO): Promise<ScanInput | number> {
  const options = clusterLoadOptions(values as ClusterFlagValues, io);
  // Secret metadata only (values never leave the server): enough for the controls that look at
  // Secrets (e.g. a last-applied annotation holding a copy of the data).
  options.secrets = 'metadata';
  const progress = progressReporter(io);
  if (progress.onProgress) options.onProgress = progress.onProgress;
  try {
    const result = await loadCluster(options);
    progress.done();
    for (const g of result.gaps) io.stderr.write(`warning: ${formatGap(g)}\n`);
    return { resources: result.resources, errors: [], files: [], coverageGaps: result.gaps };
  } catch (err) {
    progress.done();
    if (err instanceof ClusterError) {
      io.stderr.write(`rampart scan: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}

const HELP = `Usage: rampart snapshot --cluster -o <dir> [options]

Reads a live cluster and writes it as manifests (one file per namespace and resource), so a scan
can be reproduced offline with \`rampart scan <dir>\`. Secrets are skipped unless
--include-secrets is given, and then only their metadata is read: values never leave the server.

Options:
  --cluster                  Read the cluster of the current kubeconfig context (required)
  -o, --output <dir>         Output directory (created; must be empty)
  --kubeconfig <file>        Kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)
  --context <name>           Kubeconfig context (default: current-context)
  -n, --namespace <ns>       Only these namespaces (repeatable or comma-separated)
  -A, --all-namespaces       All namespaces (the default)
  --exclude-namespaces <ns>  Skip these namespaces (repeatable or comma-separated)
  --include-secrets          Include Secrets (metadata only)
  --include-owned            Keep objects whose controller was read too (ReplicaSets, Pods of Deployments, ...)
  --concurrency <n>          Parallel list requests (default 4)
  -h, --help                 Show this help

Exit codes: 0 written (coverage gaps are listed on stderr and in SNAPSHOT.txt), 2 usage error,
unreachable cluster, bad kubeconfig or unwritable output.
`;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...CLUSTER_FLAGS,
      output: { type: 'string', short: 'o' },
      'include-secrets': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (snapshot reads a cluster, not files)`);
  if (!values.cluster) throw new UsageError('snapshot reads a live cluster: pass --cluster');
  if (!values.output) throw new UsageError('pass the output directory with -o <dir>');
  const options = clusterLoadOptions(values, io);
  if (values['include-secrets']) options.secrets = 'metadata';
  const progress = progressReporter(io);
  if (progress.onProgress) options.onProgress = progress.onProgress;
  try {
    const result = await loadCluster(options);
    progress.done();
    const out = values.output;
    const written = await writeSnapshot(out, result.resources, {
      server: result.server,
      ...(result.context !== undefined ? { context: result.context } : {}),
      takenAt: new Date().toISOString(),
      tool: `rampart ${VERSION}`,
      gaps: result.gaps,
    });
    for (const g of result.gaps) io.stderr.write(`warning: ${formatGap(g)}\n`);
    io.stdout.write(`wrote ${written.objects} objects in ${written.files.length} files to ${out}${result.gaps.length > 0 ? ` (${result.gaps.length} coverage gaps)` : ''}\n`);
    return EXIT.ok;
  } catch (err) {
    progress.done();
    if (err instanceof ClusterError || err instanceof SnapshotError) {
      io.stderr.write(`rampart snapshot: ${err.message}\n`);
      return EXIT.usage;
    }
    if ((err as NodeJS.ErrnoException).code && (err as NodeJS.ErrnoException).syscall) {
      io.stderr.write(`rampart snapshot: cannot write ${values.output}: ${(err as Error).message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
