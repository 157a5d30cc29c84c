/** Everything a command touches of the outside world, so commands run in-process in tests. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readStdin(): Promise<string>;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A usage error: bad flags or arguments (exit 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Command = (argv: string[], io: CliIO) => Promise<number>;

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
