import type { CliIO } from '../io.js';
import { EXIT } from '../io.js';
import type { ScanInput } from '../../../scan/run.js';
import { ClusterError, formatGap, loadCluster } from '../../../input/cluster/index.js';
import type { ClusterLoadOptions } from '../../../input/cluster/index.js';

export interface ClusterFlags {
  kubeconfig?: string | undefined;
  context?: string | undefined;
  namespace?: string[] | undefined;
  'all-namespaces'?: boolean | undefined;
  'exclude-namespaces'?: string | undefined;
}

/** Read the cluster for `scan --cluster`; returns an exit code when nothing could be read. */
export async function scanInputFromCluster(flags: ClusterFlags, io: CliIO): Promise<ScanInput | number> {
  const options: ClusterLoadOptions = { env: io.env };
  if (flags.kubeconfig) options.kubeconfig = flags.kubeconfig;
  if (flags.context) options.context = flags.context;
  if (flags.namespace && flags.namespace.length > 0 && !flags['all-namespaces']) options.namespaces = flags.namespace;
  if (flags['exclude-namespaces']) options.excludeNamespaces = flags['exclude-namespaces'].split(',').map((s) => s.trim()).filter(Boolean);
  // Progress only on an interactive terminal, on stderr so reports on stdout stay clean.
  if (io.stderr.isTTY) {
    options.onProgress = (p) => io.stderr.write(`\r\u001b[2Kreading cluster: ${p.done}/${p.total} lists (${p.kind}${p.namespace ? ` in ${p.namespace}` : ''})`);
  }
  try {
    const loaded = await loadCluster(options);
    if (io.stderr.isTTY) io.stderr.write('\r\u001b[2K');
    for (const g of loaded.gaps) io.stderr.write(`rampart scan: coverage gap: ${formatGap(g)}\n`);
    return { resources: loaded.resources, errors: [], files: [], coverageGaps: loaded.gaps };
  } catch (e) {
    if (e instanceof ClusterError) {
      io.stderr.write(`rampart scan: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
