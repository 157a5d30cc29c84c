/**
 * `rampart frameworks list [--format json]`
 * `rampart frameworks show <nsa|cis|pss|mitre> [--format json]`
 */
import { parseArgs } from 'node:util';
import type { CliIO } from '../io.js';
import { EXIT, UsageError } from '../io.js';
import { FRAMEWORK_NAMES, type FrameworkName } from '../../../model/finding.js';
import { allControls } from '../../../engines/controls/registry.js';
import { describeFramework, summarizeFrameworks, type FrameworkDescription, type FrameworkSummary } from '../../../engines/frameworks/index.js';

const HELP = `Usage:
  rampart frameworks list [--format text|json]
  rampart frameworks show <${FRAMEWORK_NAMES.join('|')}> [--format text|json]

List the compliance frameworks Rampart maps its controls to, or show every item of one
framework with the controls that implement it. Items no manifest can check are listed as
manual or host-only, with the reason.
`;

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function listText(rows: readonly FrameworkSummary[]): string {
  const header = ['NAME', 'FRAMEWORK', 'VERSION', 'ITEMS', 'AUTOMATED', 'IMPLEMENTED', 'MANUAL', 'HOST-ONLY', 'GAPS'];
  const body = rows.map((r) => [r.name, r.title, r.version, r.items, r.automated, r.implemented, r.manual, r.hostOnly, r.gaps].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  return [header, ...body].map((cols) => cols.map((c, i) => (i === cols.length - 1 ? c : pad(c, widths[i]!))).join('  ')).join('\n') + '\n';
}

function showText(d: FrameworkDescription): string {
  const lines = [`${d.title} ${d.version} (${d.name}): ${d.items.length} items`, ''];
  let section: string | undefined;
  const w = Math.max(10, ...d.items.map((i) => i.id.length));
  const indent = ' '.repeat(w);
  for (const item of d.items) {
    if (item.section !== undefined && item.section !== section) {
      section = item.section;
      lines.push(section);
    }
    // CIS and NSA say whether an item is automatable; PSS checks have a level; techniques neither.
    const tag = d.name === 'pss' ? ` [${item.level ?? ''}]` : d.name === 'mitre' ? '' : ` [${item.automated ? 'automated' : 'manual'}]`;
    lines.push(`  ${pad(item.id, w)} ${item.title}${tag}`);
    if (item.description !== undefined) lines.push(`  ${indent} ${item.description}`);
    if (item.controls.length > 0) lines.push(`  ${indent} controls: ${item.controls.join(', ')}`);
    else lines.push(`  ${indent} ${item.coverage}: ${item.reason ?? ''}`.trimEnd());
  }
  return lines.join('\n') + '\n';
}

function parseFramework(name: string | undefined): FrameworkName {
  if (name === undefined) throw new UsageError(`frameworks show needs a framework: ${FRAMEWORK_NAMES.join(', ')}`);
  if (!(FRAMEWORK_NAMES as readonly string[]).includes(name)) throw new UsageError(`unknown framework "${name}" (expected ${FRAMEWORK_NAMES.join(', ')})`);
  return name as FrameworkName;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" (expected text or json)`);
  const [sub, name, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const controls = allControls().map((c) => c.meta);
  if (sub === 'list') {
    if (name !== undefined) throw new UsageError(`unexpected argument "${name}"`);
    const rows = summarizeFrameworks(controls);
    io.stdout.write(format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : listText(rows));
    return EXIT.ok;
  }
  if (sub === 'show') {
    const d = describeFramework(parseFramework(name), controls);
    io.stdout.write(format === 'json' ? JSON.stringify(d, null, 2) + '\n' : showText(d));
    return EXIT.ok;
  }
  if (sub === undefined) {
    io.stderr.write(HELP);
    return EXIT.usage;
  }
  throw new UsageError(`unknown subcommand "${sub}" (expected list or show)`);
}
