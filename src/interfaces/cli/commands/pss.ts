import type { CliIO } from '../io.js';
import { EXIT } from '../io.js';

// Placeholder until the owning issue lands; replaced wholesale by that work.
export async function run(_argv: string[], io: CliIO): Promise<number> {
  io.stderr.write('rampart pss: not available yet\n');
  return EXIT.usage;
}
