import type { CliIO } from '../io.js';
import { EXIT } from '../io.js';
import type { ScanInput } from '../../../scan/run.js';

/** Wired to the live-cluster reader once it lands (issue 7). */
export async function scanInputFromCluster(_values: Record<string, unknown>, io: CliIO): Promise<ScanInput | number> {
  io.stderr.write('rampart scan: --cluster is not available yet\n');
  return EXIT.usage;
}
