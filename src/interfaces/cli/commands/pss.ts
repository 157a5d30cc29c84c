import { parseArgs } from 'node:util';
import type { CliIO } from '../io.js';
import { EXIT, UsageError } from '../io.js';
import { loadPaths } from '../../../input/index.js';
import type { LoadResult } from '../../../input/index.js';
import { parseLevel, parseVersion } from '../../../engines/pss/levels.js';
import { evaluateResources, renderEvalTable } from '../../../engines/pss/report.js';
import { recommend, renderRecommendations } from '../../../engines/pss/recommend.js';
import { PssInputError } from '../../../engines/pss/types.js';
import type { LevelVersion } from '../../../engines/pss/types.js';

const USAGE = `Usage:
  rampart pss eval [paths...] [--level <privileged|baseline|restricted>] [--version <v1.N|latest>] [--format json]
      Evaluate every Pod and pod template against a Pod Security Standard, exactly as
      Pod Security Admission does. Defaults: --level restricted --version latest.
      Exit 0 when all are allowed, 1 otherwise.
  rampart pss recommend [paths...] [--format json]
      For each namespace: the strictest level all its workloads satisfy, what blocks the
      next level, and the labels to apply (kubectl command and YAML patch).

Paths are files, directories or - for stdin.
`;

type Format = 'table' | 'json';

function formatOf(v: string | undefined): Format {
  if (v === undefined || v === 'table' || v === 'text') return 'table';
  if (v === 'json') return 'json';
  throw new UsageError(`unknown --format "${v}" (expected json or table)`);
}

async function load(paths: string[], io: CliIO): Promise<LoadResult> {
  if (paths.length === 0) throw new UsageError(`no paths given\n\n${USAGE}`);
  const loaded = await loadPaths(paths, { stdin: () => io.readStdin(), cwd: io.cwd });
  for (const e of loaded.errors) io.stderr.write(`${e.file}:${e.line}:${e.column}: ${e.message} [${e.code}]\n`);
  return loaded;
}

function levelVersion(level: string | undefined, version: string | undefined): LevelVersion {
  try {
    return { level: parseLevel(level ?? 'restricted'), version: parseVersion(version ?? 'latest') };
  } catch (err) {
    if (err instanceof PssInputError) throw new UsageError(err.message);
    throw err;
  }
}

async function runEval(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { level: { type: 'string' }, version: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const lv = levelVersion(values.level, values.version);
  const format = formatOf(values.format);
  const loaded = await load(positionals, io);
  const report = evaluateResources(loaded.resources, lv);
  if (format === 'json') {
    io.stdout.write(JSON.stringify({ ...report, errors: loaded.errors }, null, 2) + '\n');
  } else {
    io.stdout.write(renderEvalTable(report));
  }
  // Unreadable input cannot be called allowed.
  return report.summary.denied === 0 && loaded.errors.length === 0 ? EXIT.ok : EXIT.findings;
}

async function runRecommend(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(USAGE);
    return EXIT.ok;
  }
  const format = formatOf(values.format);
  const loaded = await load(positionals, io);
  const recommendations = recommend(loaded.resources);
  if (format === 'json') io.stdout.write(JSON.stringify({ namespaces: recommendations, errors: loaded.errors }, null, 2) + '\n');
  else io.stdout.write(renderRecommendations(recommendations));
  return loaded.errors.length === 0 ? EXIT.ok : EXIT.findings;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'eval':
      return runEval(rest, io);
    case 'recommend':
      return runRecommend(rest, io);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(USAGE);
      return sub === undefined ? EXIT.usage : EXIT.ok;
    default:
      throw new UsageError(`unknown subcommand "${sub}"\n\n${USAGE}`);
  }
}
