/**
 * Recognise control-plane components in pod specs by the binary their container runs, wherever the
 * manifest lives (static pod directory, Helm chart, cluster dump), and read their flags exactly as
 * the binaries' flag parsers do.
 */
import type { JsonPointer, K8sObject } from '../../../../../model/types.js';
import type { ContainerView } from '../../../../../model/workloads.js';
import { containersOf, podTemplateOf } from '../../../../../model/workloads.js';
import { joinPointer } from '../../../../../model/pointer.js';

export type Component = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'etcd' | 'kube-proxy';

export const COMPONENTS: readonly Component[] = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'kube-proxy'];

/** hyperkube sub-command names (`hyperkube apiserver …`). */
const HYPERKUBE_ALIASES: Readonly<Record<string, Component>> = {
  apiserver: 'kube-apiserver',
  'kube-apiserver': 'kube-apiserver',
  'controller-manager': 'kube-controller-manager',
  'kube-controller-manager': 'kube-controller-manager',
  scheduler: 'kube-scheduler',
  'kube-scheduler': 'kube-scheduler',
  proxy: 'kube-proxy',
  'kube-proxy': 'kube-proxy',
};

/**
 * Boolean flags: Go's flag parsers (pflag for Kubernetes components, the standard `flag` package for
 * etcd) never let a boolean flag consume the next argument; `--profiling false` means
 * `--profiling=true` followed by a stray positional argument. Other flags take the next argument.
 */
const BOOLEAN_FLAGS: Readonly<Record<Component, ReadonlySet<string>>> = {
  'kube-apiserver': new Set([
    'anonymous-auth', 'profiling', 'contention-profiling', 'service-account-lookup', 'service-account-extend-token-expiration',
    'allow-privileged', 'enable-bootstrap-token-auth', 'enable-aggregator-routing', 'audit-log-compress', 'enable-priority-and-fairness',
    'enable-garbage-collector', 'enable-logs-handler', 'logtostderr', 'alsologtostderr', 'strict-transport-security-directives-unused',
  ]),
  'kube-controller-manager': new Set(['profiling', 'contention-profiling', 'use-service-account-credentials', 'leader-elect', 'allocate-node-cidrs', 'configure-cloud-routes', 'enable-garbage-collector', 'enable-hostpath-provisioner', 'logtostderr', 'alsologtostderr']),
  'kube-scheduler': new Set(['profiling', 'contention-profiling', 'leader-elect', 'logtostderr', 'alsologtostderr']),
  etcd: new Set([
    'client-cert-auth', 'peer-client-cert-auth', 'auto-tls', 'peer-auto-tls', 'enable-pprof', 'strict-reconfig-check', 'enable-v2',
    'force-new-cluster', 'debug', 'experimental-initial-corrupt-check', 'experimental-enable-lease-checkpoint',
  ]),
  'kube-proxy': new Set(['profiling', 'masquerade-all', 'cleanup', 'bind-address-hard-fail', 'logtostderr', 'alsologtostderr']),
};

export interface ArgToken {
  text: string;
  path: JsonPointer;
}

/** One occurrence of a flag on the command line (or, for etcd, in an ETCD_* environment variable). */
export interface FlagOccurrence {
  name: string;
  value: string;
  /** `--name=value`, `--name value`, bare boolean `--name`, or an environment variable. */
  form: 'inline' | 'separate' | 'bare' | 'env';
  /** Pointer to the flag's own item (the env entry's `value` for env). */
  path: JsonPointer;
  /** Pointer to the item holding the value (same as `path` except for the separate form). */
  valuePath: JsonPointer;
  /** Pointers to remove to delete this occurrence (descending order inside one array). */
  removePaths: JsonPointer[];
}

export interface ComponentContainer {
  component: Component;
  container: ContainerView;
  flags: FlagSet;
}

function basename(s: string): string {
  const i = s.lastIndexOf('/');
  return i >= 0 ? s.slice(i + 1) : s;
}

function imageComponent(image: unknown): Component | undefined {
  if (typeof image !== 'string') return undefined;
  const name = basename(image.split('@')[0]!.replace(/:[^/:]*$/, ''));
  return (COMPONENTS as readonly string[]).includes(name) ? (name as Component) : undefined;
}

function tokensOf(c: ContainerView, field: 'command' | 'args'): ArgToken[] {
  const list = c.container[field];
  if (!Array.isArray(list)) return [];
  return list.flatMap((t, i) => (typeof t === 'string' ? [{ text: t, path: joinPointer(c.path, field, i) }] : []));
}

/**
 * Which component a container runs, and the arguments after the binary. Recognised: `command[0]`
 * (or `args[0]` when there is no command) naming the binary by basename, `hyperkube <component>`,
 * and, when the container sets no command, an image named after the component (its entrypoint is
 * the binary, so every arg is a flag). A shell wrapper (`sh -c "kube-apiserver …"`) is not parsed.
 */
export function recognise(c: ContainerView): { component: Component; argv: ArgToken[] } | undefined {
  const command = tokensOf(c, 'command');
  const args = tokensOf(c, 'args');
  const all = [...command, ...args];
  const hasCommand = Array.isArray(c.container['command']) && (c.container['command'] as unknown[]).length > 0;
  const first = all[0];
  if (first) {
    const bin = basename(first.text);
    if ((COMPONENTS as readonly string[]).includes(bin)) return { component: bin as Component, argv: all.slice(1) };
    if (bin === 'hyperkube' && all[1] && HYPERKUBE_ALIASES[all[1].text]) return { component: HYPERKUBE_ALIASES[all[1].text]!, argv: all.slice(2) };
  }
  if (!hasCommand) {
    const byImage = imageComponent(c.container.image);
    if (byImage) return { component: byImage, argv: args };
  }
  return undefined;
}

const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** strconv.ParseBool: undefined for anything Go would reject. */
export function parseGoBool(s: string): boolean | undefined {
  if (GO_TRUE.has(s)) return true;
  if (GO_FALSE.has(s)) return false;
  return undefined;
}

export class FlagSet {
  constructor(
    readonly component: Component,
    readonly occurrences: readonly FlagOccurrence[],
    /** Array a missing flag is reported on and appended to: `args` when the container has args, else `command`. */
    readonly arrayPath: JsonPointer,
    /** False when the container has neither (component recognised by image): a fix creates `args`. */
    readonly arrayExists: boolean,
  ) {}

  all(name: string): FlagOccurrence[] {
    return this.occurrences.filter((o) => o.name === name);
  }

  /** The occurrence that takes effect: the last command-line one, else the environment. */
  effective(name: string): FlagOccurrence | undefined {
    const all = this.all(name);
    const cli = all.filter((o) => o.form !== 'env');
    return cli.at(-1) ?? all.at(-1);
  }

  /** A comma-separated list flag: repeated occurrences append (pflag StringSlice semantics). */
  list(name: string): string[] | undefined {
    const all = this.all(name).filter((o) => o.form !== 'env');
    const occ = all.length > 0 ? all : this.all(name);
    if (occ.length === 0) return undefined;
    return occ.flatMap((o) => o.value.split(',').map((s) => s.trim()).filter((s) => s !== ''));
  }
}

function flagName(component: Component, token: string): { name: string; value?: string } | undefined {
  // pflag: `--name`; a single dash is a shorthand cluster, never a long flag. Go's `flag` (etcd): both.
  const m = component === 'etcd' ? /^--?([^-=][^=]*)(?:=(.*))?$/s.exec(token) : /^--([^-=][^=]*)(?:=(.*))?$/s.exec(token);
  if (!m) return undefined;
  return m[2] === undefined ? { name: m[1]! } : { name: m[1]!, value: m[2] };
}

/** etcd's environment variable for a flag: `ETCD_` + upper snake case. */
export function envVarName(flag: string): string {
  return `ETCD_${flag.toUpperCase().replace(/-/g, '_')}`;
}

/** Parse argv into flag occurrences with exact pointers. */
export function parseFlags(component: Component, c: ContainerView, argv: readonly ArgToken[]): FlagSet {
  const out: FlagOccurrence[] = [];
  const booleans = BOOLEAN_FLAGS[component];
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i]!;
    if (tok.text === '--') break; // everything after is positional
    const parsed = flagName(component, tok.text);
    if (!parsed) continue;
    if (parsed.value !== undefined) {
      out.push({ name: parsed.name, value: parsed.value, form: 'inline', path: tok.path, valuePath: tok.path, removePaths: [tok.path] });
      continue;
    }
    const next = argv[i + 1];
    if (booleans.has(parsed.name) || !next || next.text.startsWith('--')) {
      out.push({ name: parsed.name, value: booleans.has(parsed.name) ? 'true' : '', form: 'bare', path: tok.path, valuePath: tok.path, removePaths: [tok.path] });
      continue;
    }
    out.push({ name: parsed.name, value: next.text, form: 'separate', path: tok.path, valuePath: next.path, removePaths: [next.path, tok.path] });
    i++;
  }
  if (component === 'etcd') {
    // etcd reads ETCD_<FLAG> variables for flags not given on the command line.
    const env = c.container.env;
    if (Array.isArray(env)) {
      env.forEach((e, i) => {
        if (!e || typeof e.name !== 'string' || !e.name.startsWith('ETCD_') || typeof e.value !== 'string') return;
        const name = e.name.slice(5).toLowerCase().replace(/_/g, '-');
        if (envVarName(name) !== e.name) return;
        const path = joinPointer(c.path, 'env', i, 'value');
        out.push({ name, value: e.value, form: 'env', path, valuePath: path, removePaths: [joinPointer(c.path, 'env', i)] });
      });
    }
  }
  const hasArgs = Array.isArray(c.container['args']) && (c.container['args'] as unknown[]).length > 0;
  const hasCommand = Array.isArray(c.container['command']) && (c.container['command'] as unknown[]).length > 0;
  const arrayPath = joinPointer(c.path, hasArgs || !hasCommand ? 'args' : 'command');
  return new FlagSet(component, out, arrayPath, hasArgs || hasCommand);
}

/**
 * Parsed components per object: ~50 component controls look at every workload, so recognition and
 * flag parsing run once per object. Objects are not mutated during a scan (fixes patch copies).
 */
const parsed = new WeakMap<K8sObject, readonly ComponentContainer[]>();

function allComponentContainers(obj: K8sObject): readonly ComponentContainer[] {
  let cached = parsed.get(obj);
  if (cached) return cached;
  const out: ComponentContainer[] = [];
  const view = podTemplateOf(obj);
  if (view) {
    for (const c of containersOf(view)) {
      const r = recognise(c);
      if (r) out.push({ component: r.component, container: c, flags: parseFlags(r.component, c, r.argv) });
    }
  }
  cached = out;
  parsed.set(obj, cached);
  return cached;
}

/** Every container of the object that runs one of `components`, with its flags. */
export function componentContainers(obj: K8sObject, components: readonly Component[]): ComponentContainer[] {
  return allComponentContainers(obj).filter((c) => components.includes(c.component));
}
