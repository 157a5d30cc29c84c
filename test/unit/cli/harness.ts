import { PassThrough } from 'node:stream';
import { main } from '../../../src/interfaces/cli/main.js';
import type { CliIO } from '../../../src/interfaces/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process, as a user would from `cwd`, with optional stdin. */
export async function rampart(args: string[], opts: { cwd?: string; stdin?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const io: CliIO = {
    stdout: out,
    stderr: err,
    cwd: opts.cwd ?? process.cwd(),
    env: { NO_COLOR: '1', ...(opts.env ?? {}) },
    readStdin: async () => opts.stdin ?? '',
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
