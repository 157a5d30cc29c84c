import { parseArgs } from 'node:util';
import type { CliIO } from '../io.js';
import { EXIT, UsageError } from '../io.js';
import { allControls } from '../../../engines/controls/registry.js';
import { controlMarkdown } from '../../../engines/controls/describe.js';

const HELP = `Usage:
  rampart controls list [--format txt|json]
  rampart controls explain <id>
`;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'txt' }, help: { type: 'boolean', short: 'h' } },
  });
  const [sub, id] = positionals;
  if (values.help || sub === undefined) {
    io.stdout.write(HELP);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const controls = allControls();
  if (sub === 'list') {
    if (values.format === 'json') {
      const list = controls.map((c) => ({
        id: c.meta.id,
        title: c.meta.title,
        severity: c.meta.severity,
        kinds: c.meta.kinds,
        enabledByDefault: !c.meta.disabledByDefault,
        frameworks: { cis: c.meta.frameworks.cis ?? [], nsa: c.meta.frameworks.nsa ?? [], pss: c.meta.frameworks.pss ?? [], mitre: c.meta.frameworks.mitre ?? [] },
        params: c.meta.params ?? {},
      }));
      io.stdout.write(JSON.stringify({ controls: list }, null, 2) + '\n');
      return EXIT.ok;
    }
    if (values.format !== 'txt') throw new UsageError('--format must be txt or json');
    const w = Math.max(...controls.map((c) => c.meta.id.length), 2);
    io.stdout.write(`${'ID'.padEnd(w)}  SEVERITY  TITLE\n`);
    for (const c of controls) io.stdout.write(`${c.meta.id.padEnd(w)}  ${c.meta.severity.padEnd(8)}  ${c.meta.title}${c.meta.disabledByDefault ? ' (off by default)' : ''}\n`);
    io.stdout.write(`\n${controls.length} controls. \`rampart controls explain <id>\` for details.\n`);
    return EXIT.ok;
  }
  if (sub === 'explain') {
    if (!id) throw new UsageError('controls explain needs a control ID');
    const control = controls.find((c) => c.meta.id === id);
    if (!control) {
      const near = controls.filter((c) => c.meta.id.includes(id) || id.includes(c.meta.id)).map((c) => c.meta.id);
      io.stderr.write(`rampart controls: unknown control "${id}"${near.length ? `; did you mean ${near.join(', ')}?` : ''}\n`);
      return EXIT.usage;
    }
    io.stdout.write(controlMarkdown(control));
    return EXIT.ok;
  }
  throw new UsageError(`unknown subcommand "${sub}" (expected list or explain)`);
}
