import { parseArgs } from 'node:util';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CliIO } from '../io.js';
import { EXIT, UsageError } from '../io.js';
import type { FrameworkName } from '../../../model/finding.js';
import { FRAMEWORK_NAMES } from '../../../model/finding.js';
import { isSeverity } from '../../../model/types.js';
import { loadPaths } from '../../../input/index.js';
import { allControls } from '../../../engines/controls/registry.js';
import { loadConfig } from '../../../config/config.js';
import { ConfigError } from '../../../config/errors.js';
import { parseExceptionsFile } from '../../../config/exceptions.js';
import { runScan, exitCodeOf } from '../../../scan/run.js';
import type { ScanInput } from '../../../scan/run.js';
import type { Format } from '../../../reports/index.js';
import { chunkedFormatters, isFormat, reportControls, FORMATS } from '../../../reports/index.js';
import { writeChunks, writeChunksToFile } from '../write-chunks.js';
import { colorEnabled } from '../color.js';

const HELP = `Usage: rampart scan [paths...] [options]

Scan Kubernetes manifests (files, directories, '-' for stdin, Helm charts, Kustomize
directories) or a live cluster against Rampart's controls.

Options:
  -f, --format <fmt>        ${FORMATS.join('|')} (repeatable; default stylish)
  -o, --output <file>       write the preceding --format to a file (default stdout)
      --fail-on <severity>  exit 1 when a finding is at or above it (default: high)
      --framework <name>    only controls mapped to ${FRAMEWORK_NAMES.join('|')}
      --config <file>       rampart.yaml (default: found upward from the working directory)
      --exceptions <file>   an exceptions file (in addition to those in rampart.yaml)
      --baseline <file>     a previous JSON report: only new findings fail the run
      --values <file>       Helm values file (repeatable)
      --set <k=v>           Helm --set (repeatable)
      --cluster             scan the cluster of the current kubeconfig context
      --kubeconfig <file>   kubeconfig (default: $KUBECONFIG or ~/.kube/config)
      --context <name>      kubeconfig context
  -n, --namespace <ns>      only this namespace (repeatable)
  -A, --all-namespaces      every namespace (default for --cluster)
      --exclude-namespaces <ns,...>
      --no-color            no ANSI colours (also NO_COLOR)

Exit codes: 0 clean; 1 findings at or above --fail-on, or input errors; 2 usage error or nothing read.
`;

interface OutputSpec {
  format: Format;
  output?: string;
}

/** Pair each --output with the --format before it, as `-f json -o a.json -f sarif -o b.sarif`. */
function outputsFrom(tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>): OutputSpec[] {
  const outs: OutputSpec[] = [];
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (t.name === 'format') {
      const v = String(t.value ?? '');
      if (!isFormat(v)) throw new UsageError(`unknown format "${v}" (expected ${FORMATS.join(', ')})`);
      outs.push({ format: v });
    } else if (t.name === 'output') {
      const last = outs[outs.length - 1];
      if (!last || last.output !== undefined) throw new UsageError('--output must follow the --format it writes');
      last.output = String(t.value ?? '');
    }
  }
  return outs.length > 0 ? outs : [{ format: 'stylish' }];
}

async function readBaseline(file: string, cwd: string): Promise<Set<string>> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(resolve(cwd, file), 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read baseline ${file}: ${(e as Error).message}`);
  }
  const findings = (data as { findings?: { fingerprint?: unknown }[] }).findings;
  if (!Array.isArray(findings)) throw new UsageError(`baseline ${file} is not a Rampart JSON report (no "findings")`);
  return new Set(findings.map((f) => f.fingerprint).filter((x): x is string => typeof x === 'string'));
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    tokens: true,
    options: {
      format: { type: 'string', short: 'f', multiple: true },
      output: { type: 'string', short: 'o', multiple: true },
      'fail-on': { type: 'string' },
      framework: { type: 'string' },
      config: { type: 'string' },
      exceptions: { type: 'string' },
      baseline: { type: 'string' },
      values: { type: 'string', multiple: true },
      set: { type: 'string', multiple: true },
      cluster: { type: 'boolean' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      namespace: { type: 'string', short: 'n', multiple: true },
      'all-namespaces': { type: 'boolean', short: 'A' },
      'exclude-namespaces': { type: 'string' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT.ok;
  }
  const outputs = outputsFrom(tokens ?? []);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !isSeverity(failOn)) throw new UsageError(`--fail-on must be one of critical, high, medium, low, info`);
  const framework = values.framework;
  if (framework !== undefined && !(FRAMEWORK_NAMES as readonly string[]).includes(framework)) {
    throw new UsageError(`--framework must be one of ${FRAMEWORK_NAMES.join(', ')}`);
  }
  if (!values.cluster && positionals.length === 0) throw new UsageError('no paths given (use `-` for stdin, or --cluster)');

  const controls = allControls();
  let config;
  try {
    config = loadConfig(values.config, io.cwd, controls);
    if (values.exceptions) {
      const text = await readFile(resolve(io.cwd, values.exceptions), 'utf8').catch(() => {
        throw new UsageError(`cannot read exceptions file ${values.exceptions}`);
      });
      config = { ...config, exceptions: [...config.exceptions, ...parseExceptionsFile(text, values.exceptions, controls)] };
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr.write(`rampart scan: invalid config: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  const baseline = values.baseline ? await readBaseline(values.baseline, io.cwd) : undefined;

  let input: ScanInput;
  if (values.cluster) {
    const { scanInputFromCluster } = await import('./scan-cluster.js');
    const loaded = await scanInputFromCluster(values, io);
    if (typeof loaded === 'number') return loaded;
    input = loaded;
  } else {
    const loaded = await loadPaths(positionals, {
      cwd: io.cwd,
      stdin: io.readStdin,
      exclude: config.exclude,
      ...(values.values ? { helmValues: values.values } : {}),
      ...(values.set ? { helmSet: values.set } : {}),
    });
    input = loaded;
    const readAnything = loaded.files.some((f) => f.status !== 'failed');
    if (!readAnything) {
      for (const e of loaded.errors) io.stderr.write(`${e.file}:${e.line}:${e.column}: ${e.message}\n`);
      io.stderr.write(`rampart scan: nothing could be read from ${positionals.join(', ')}\n`);
      return EXIT.usage;
    }
  }

  const result = runScan(input, {
    controls,
    config,
    ...(failOn ? { failOn } : {}),
    ...(framework ? { framework: framework as FrameworkName } : {}),
    ...(baseline ? { baseline } : {}),
    ...(values.cluster ? { kubectlPointer: (await import('../../../input/cluster/index.js')).kubectlPointer } : {}),
  });
  const ran = new Set(result.findings.map((f) => f.control));
  const metas = controls.filter((c) => ran.has(c.meta.id) || !c.meta.disabledByDefault).map((c) => c.meta);
  for (const out of outputs) {
    const color = out.output === undefined && colorEnabled(io, values['no-color'] === true);
    const chunks = chunkedFormatters[out.format](result, { color, cwd: io.cwd, controls: reportControls(metas) });
    if (out.output === undefined) await writeChunks(io.stdout, chunks);
    else {
      const file = resolve(io.cwd, out.output);
      await mkdir(dirname(file), { recursive: true });
      await writeChunksToFile(file, chunks);
    }
  }
  return exitCodeOf(result);
}
