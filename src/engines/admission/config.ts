/**
 * The `admission:` section of rampart.yaml, validated here (the shared config loader keeps it
 * raw). Every error names its line, like the rest of the config.
 *
 *   admission:
 *     namespace: rampart-system          # Rampart's own namespace (always exempt)
 *     enforceAt: high                    # default action by severity: >= enforceAt → enforce,
 *     warnAt: medium                     #   >= warnAt → warn, below → audit
 *     namespaceLabelOverride: true       # honour rampart.dev/enforce on namespaces
 *     controls:
 *       image-tag-latest: warn
 *       capabilities-not-dropped: { action: enforce, mutate: true }
 *     namespaces:
 *       legacy: warn                     # ceiling for every control in that namespace
 *       team-a: { action: enforce, controls: { image-tag-latest: off } }
 *     exemptions:
 *       namespaces: [monitoring]
 *       users: [system:admin]
 *       groups: [system:nodes]
 *       serviceAccounts: [ci/deployer]   # namespace/name
 *     limits:
 *       maxBodyBytes: 3145728
 *       maxConcurrent: 64
 *       requestTimeoutMs: 2500
 *       namespaceCacheTtlSeconds: 60
 *       maxBufferedBytes: 33554432      # all in-flight bodies together
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RampartConfig } from '../../config/config.js';
import { ConfigError } from '../../config/errors.js';
import type { YamlSource } from '../../config/yaml-source.js';
import { parseYamlSource } from '../../config/yaml-source.js';
import type { Severity } from '../../model/types.js';
import { isSeverity } from '../../model/types.js';
import type { Action } from './types.js';
import { ACTIONS, isAction } from './types.js';

export const DEFAULT_OWN_NAMESPACE = 'rampart-system';
/** Exempt whatever the config says: the control plane must always be able to heal itself. */
export const ALWAYS_EXEMPT_NAMESPACES = ['kube-system'];
export const DEFAULT_MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface ControlAdmission {
  action?: Action;
  mutate?: boolean;
}

export interface NamespaceAdmission {
  /** Ceiling for every control in the namespace. */
  action?: Action;
  /** Exact action per control in the namespace (wins over everything but exemptions). */
  controls: Record<string, Action>;
}

export interface AdmissionLimits {
  maxBodyBytes: number;
  maxConcurrent: number;
  requestTimeoutMs: number;
  namespaceCacheTtlSeconds: number;
  /** Bodies buffered across all in-flight requests: bounds memory whatever the concurrency. */
  maxBufferedBytes: number;
}

export interface AdmissionConfig {
  ownNamespace: string;
  enforceAt: Severity;
  warnAt: Severity;
  namespaceLabelOverride: boolean;
  controls: Record<string, ControlAdmission>;
  namespaces: Record<string, NamespaceAdmission>;
  exemptions: { namespaces: string[]; users: string[]; groups: string[]; serviceAccounts: string[] };
  limits: AdmissionLimits;
}

export function defaultAdmissionConfig(ownNamespace = DEFAULT_OWN_NAMESPACE): AdmissionConfig {
  return {
    ownNamespace,
    enforceAt: 'high',
    warnAt: 'medium',
    namespaceLabelOverride: true,
    controls: {},
    namespaces: {},
    exemptions: { namespaces: [ownNamespace, ...ALWAYS_EXEMPT_NAMESPACES], users: [], groups: [], serviceAccounts: [] },
    limits: { maxBodyBytes: DEFAULT_MAX_BODY_BYTES, maxConcurrent: 64, requestTimeoutMs: 2500, namespaceCacheTtlSeconds: 60, maxBufferedBytes: 32 * 1024 * 1024 },
  };
}

type Path = (string | number)[];

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const ACTION_LIST = ACTIONS.join(', ');
const LIMIT_RANGES: Record<keyof AdmissionLimits, [number, number]> = {
  maxBodyBytes: [1024, 64 * 1024 * 1024],
  maxConcurrent: [1, 10_000],
  requestTimeoutMs: [100, 30_000],
  namespaceCacheTtlSeconds: [0, 86_400],
  maxBufferedBytes: [1024 * 1024, 1024 * 1024 * 1024],
};

/**
 * Validate the raw `admission` value. `src` gives line numbers (the parsed rampart.yaml);
 * `knownControls` catches typos in control IDs.
 */
export function parseAdmissionConfig(
  raw: unknown,
  knownControls: ReadonlySet<string>,
  src?: YamlSource,
  ownNamespace = DEFAULT_OWN_NAMESPACE,
): AdmissionConfig {
  const fail = (path: Path, message: string): ConfigError =>
    src ? src.error(['admission', ...path], message) : new ConfigError(message, '<config>', 0, 0);
  const cfg = defaultAdmissionConfig(ownNamespace);
  if (raw === undefined || raw === null) return cfg;
  if (!isRecord(raw)) throw fail([], 'admission must be a mapping');
  const known = new Set(['namespace', 'enforceAt', 'warnAt', 'namespaceLabelOverride', 'controls', 'namespaces', 'exemptions', 'limits']);
  for (const key of Object.keys(raw)) if (!known.has(key)) throw fail([key], `unknown admission setting "${key}" (expected one of: ${[...known].join(', ')})`);

  const action = (v: unknown, path: Path): Action => {
    if (!isAction(v)) throw fail(path, `action must be one of ${ACTION_LIST}`);
    return v;
  };
  const controlId = (id: string, path: Path): void => {
    if (!knownControls.has(id)) throw fail(path, `unknown control "${id}" (see \`rampart controls list\`)`);
  };
  const strings = (v: unknown, path: Path): string[] => {
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string' && s !== '')) throw fail(path, 'must be a list of non-empty strings');
    return v as string[];
  };

  if (raw['namespace'] !== undefined) {
    if (typeof raw['namespace'] !== 'string' || raw['namespace'] === '') throw fail(['namespace'], 'namespace must be a non-empty string');
    cfg.ownNamespace = raw['namespace'];
    cfg.exemptions.namespaces = [cfg.ownNamespace, ...ALWAYS_EXEMPT_NAMESPACES];
  }
  for (const key of ['enforceAt', 'warnAt'] as const) {
    if (raw[key] === undefined) continue;
    if (!isSeverity(raw[key])) throw fail([key], `${key} must be one of critical, high, medium, low, info`);
    cfg[key] = raw[key];
  }
  if (raw['namespaceLabelOverride'] !== undefined) {
    if (typeof raw['namespaceLabelOverride'] !== 'boolean') throw fail(['namespaceLabelOverride'], 'namespaceLabelOverride must be true or false');
    cfg.namespaceLabelOverride = raw['namespaceLabelOverride'];
  }

  const controls = raw['controls'];
  if (controls !== undefined && controls !== null) {
    if (!isRecord(controls)) throw fail(['controls'], 'controls must be a mapping of control ID to action');
    for (const [id, v] of Object.entries(controls)) {
      controlId(id, ['controls', id]);
      if (!isRecord(v)) {
        cfg.controls[id] = { action: action(v, ['controls', id]) };
        continue;
      }
      const entry: ControlAdmission = {};
      for (const [k, val] of Object.entries(v)) {
        if (k === 'action') entry.action = action(val, ['controls', id, k]);
        else if (k === 'mutate') {
          if (typeof val !== 'boolean') throw fail(['controls', id, k], 'mutate must be true or false');
          entry.mutate = val;
        } else throw fail(['controls', id, k], `unknown setting "${k}" (expected action, mutate)`);
      }
      cfg.controls[id] = entry;
    }
  }

  const namespaces = raw['namespaces'];
  if (namespaces !== undefined && namespaces !== null) {
    if (!isRecord(namespaces)) throw fail(['namespaces'], 'namespaces must be a mapping of namespace name to settings');
    for (const [ns, v] of Object.entries(namespaces)) {
      if (!isRecord(v)) {
        cfg.namespaces[ns] = { action: action(v, ['namespaces', ns]), controls: {} };
        continue;
      }
      const entry: NamespaceAdmission = { controls: {} };
      for (const [k, val] of Object.entries(v)) {
        if (k === 'action') entry.action = action(val, ['namespaces', ns, k]);
        else if (k === 'controls') {
          if (!isRecord(val)) throw fail(['namespaces', ns, k], 'controls must be a mapping of control ID to action');
          for (const [id, a] of Object.entries(val)) {
            controlId(id, ['namespaces', ns, k, id]);
            entry.controls[id] = action(a, ['namespaces', ns, k, id]);
          }
        } else throw fail(['namespaces', ns, k], `unknown setting "${k}" (expected action, controls)`);
      }
      cfg.namespaces[ns] = entry;
    }
  }

  const ex = raw['exemptions'];
  if (ex !== undefined && ex !== null) {
    if (!isRecord(ex)) throw fail(['exemptions'], 'exemptions must be a mapping');
    for (const [k, v] of Object.entries(ex)) {
      if (k === 'namespaces') cfg.exemptions.namespaces = [...new Set([...cfg.exemptions.namespaces, ...strings(v, ['exemptions', k])])];
      else if (k === 'users' || k === 'groups') cfg.exemptions[k] = strings(v, ['exemptions', k]);
      else if (k === 'serviceAccounts') {
        const list = strings(v, ['exemptions', k]);
        list.forEach((sa, i) => {
          if (!/^[^/:]+[/:][^/:]+$/.test(sa)) throw fail(['exemptions', k, i], `service account "${sa}" must be written namespace/name`);
        });
        cfg.exemptions.serviceAccounts = list.map((sa) => sa.replace(':', '/'));
      } else throw fail(['exemptions', k], `unknown exemption "${k}" (expected namespaces, users, groups, serviceAccounts)`);
    }
  }

  const limits = raw['limits'];
  if (limits !== undefined && limits !== null) {
    if (!isRecord(limits)) throw fail(['limits'], 'limits must be a mapping');
    for (const [k, v] of Object.entries(limits)) {
      const range = LIMIT_RANGES[k as keyof AdmissionLimits] as [number, number] | undefined;
      if (!range) throw fail(['limits', k], `unknown limit "${k}" (expected ${Object.keys(LIMIT_RANGES).join(', ')})`);
      if (typeof v !== 'number' || !Number.isInteger(v) || v < range[0] || v > range[1]) {
        throw fail(['limits', k], `${k} must be an integer from ${range[0]} to ${range[1]}`);
      }
      cfg.limits[k as keyof AdmissionLimits] = v;
    }
  }
  return cfg;
}

/**
 * The admission settings of a loaded rampart.yaml. Re-reads the file only to point errors at their
 * line (the shared loader keeps this section raw).
 */
export function admissionConfigOf(config: RampartConfig, knownControls: ReadonlySet<string>, cwd: string, ownNamespace?: string): AdmissionConfig {
  const raw = config.extra['admission'];
  let src: YamlSource | undefined;
  if (raw !== undefined && config.file !== undefined) {
    try {
      src = parseYamlSource(readFileSync(resolve(cwd, config.file), 'utf8'), config.file);
    } catch {
      src = undefined; // already parsed once by loadConfig; positions are a nicety
    }
  }
  return parseAdmissionConfig(raw, knownControls, src, ownNamespace);
}
