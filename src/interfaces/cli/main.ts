#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { realpathSync } from 'node:fs';
import type { CliIO, Command } from './io.js';
import { EXIT, UsageError, processIO } from './io.js';
import { VERSION } from '../../version.js';

/** Commands load lazily so `rampart admit` never pays for the netpol engine and vice versa. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  scan: { summary: 'Scan manifests (files, directories, stdin, Helm, Kustomize) or a live cluster', load: () => import('./commands/scan.js') },
  controls: { summary: 'List controls or explain one', load: () => import('./commands/controls.js') },
  frameworks: { summary: 'List compliance frameworks or show one', load: () => import('./commands/frameworks.js') },
  pss: { summary: 'Pod Security Standards: evaluate pods, recommend namespace labels', load: () => import('./commands/pss.js') },
  rbac: { summary: 'RBAC: who-can, can-i, permissions, escalation paths', load: () => import('./commands/rbac.js') },
  netpol: { summary: 'NetworkPolicy reachability: eval, list, exposure, diff, synthesize', load: () => import('./commands/netpol.js') },
  snapshot: { summary: 'Write what a cluster holds as manifests, for offline scans', load: () => import('./commands/snapshot.js') },
  admit: { summary: 'Run the admission webhook, or generate its certificates', load: () => import('./commands/admit.js') },
};

function usage(): string {
  const lines = [`rampart ${VERSION}: zero-trust security for Kubernetes`, '', 'Usage: rampart <command> [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(11)} ${c.summary}`);
  lines.push('', 'Run `rampart <command> --help` for the options of a command.');
  return lines.join('\n') + '\n';
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`rampart: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  try {
    const mod = await entry.load();
    return await mod.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`rampart ${name}: ${(err as Error).message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`rampart ${name}: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT.usage;
  }
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  // `rampart scan … | head`: a closed pipe is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  main(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`rampart: ${String(err)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
