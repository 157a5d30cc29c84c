import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Severity } from '../model/types.js';
import { isSeverity } from '../model/types.js';
import type { AnyControl, ParamSpec } from '../engines/controls/types.js';
import { ConfigError } from './errors.js';
import type { YamlSource } from './yaml-source.js';
import { parseYamlSource } from './yaml-source.js';
import type { ExceptionRule } from './exceptions.js';
import { parseExceptions } from './exceptions.js';

export const CONFIG_FILE_NAMES = ['rampart.yaml', 'rampart.yml', '.rampart.yaml'];

export interface ControlSettings {
  enabled?: boolean;
  severity?: Severity;
  params?: Record<string, unknown>;
}

/** The validated contents of rampart.yaml. */
export interface RampartConfig {
  /** Where it was read from (absent for the built-in defaults). */
  file?: string;
  failOn?: Severity;
  controls: Record<string, ControlSettings>;
  exclude: string[];
  exceptions: ExceptionRule[];
  /** Sections owned by other parts (e.g. `admission`), validated by them. */
  extra: Record<string, unknown>;
}

export const EMPTY_CONFIG: RampartConfig = { controls: {}, exclude: [], exceptions: [], extra: {} };

/** Find rampart.yaml from `start` upward to the filesystem root. */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const TOP_LEVEL = new Set(['failOn', 'controls', 'exclude', 'exceptions', 'admission']);

function checkParam(src: YamlSource, path: (string | number)[], name: string, spec: ParamSpec | undefined, value: unknown, controlId: string): void {
  if (!spec) throw src.error(path, `control "${controlId}" has no parameter "${name}"`);
  const ok =
    spec.type === 'string[]'
      ? Array.isArray(value) && value.every((v) => typeof v === 'string')
      : typeof value === spec.type;
  if (!ok) throw src.error(path, `parameter "${name}" of "${controlId}" must be ${spec.type === 'string[]' ? 'a list of strings' : `a ${spec.type}`}`);
}

/** Parse and validate a config text; every error names its line. */
export function parseConfig(text: string, file: string, controls: readonly AnyControl[]): RampartConfig {
  const src = parseYamlSource(text, file);
  const v = src.value ?? {};
  if (!isRecord(v)) throw src.error([], 'rampart.yaml must be a mapping');
  const byId = new Map(controls.map((c) => [c.meta.id, c]));
  const config: RampartConfig = { file, controls: {}, exclude: [], exceptions: [], extra: {} };
  for (const key of Object.keys(v)) {
    if (!TOP_LEVEL.has(key)) throw src.error([key], `unknown setting "${key}" (expected one of: ${[...TOP_LEVEL].join(', ')})`);
  }
  if (v['failOn'] !== undefined) {
    if (!isSeverity(v['failOn'])) throw src.error(['failOn'], 'failOn must be one of critical, high, medium, low, info');
    config.failOn = v['failOn'];
  }
  if (v['exclude'] !== undefined) {
    const ex = v['exclude'];
    if (!Array.isArray(ex) || !ex.every((e) => typeof e === 'string')) throw src.error(['exclude'], 'exclude must be a list of path patterns');
    config.exclude = ex as string[];
  }
  const cs = v['controls'];
  if (cs !== undefined && cs !== null) {
    if (!isRecord(cs)) throw src.error(['controls'], 'controls must be a mapping of control ID to settings');
    for (const [id, raw] of Object.entries(cs)) {
      const control = byId.get(id);
      if (!control) throw src.error(['controls', id], `unknown control "${id}" (see \`rampart controls list\`)`);
      if (raw === 'off' || raw === false) {
        config.controls[id] = { enabled: false };
        continue;
      }
      if (raw === 'on' || raw === true) {
        config.controls[id] = { enabled: true };
        continue;
      }
      if (isSeverity(raw)) {
        config.controls[id] = { enabled: true, severity: raw };
        continue;
      }
      if (!isRecord(raw)) throw src.error(['controls', id], `settings of "${id}" must be off, on, a severity, or a mapping`);
      const settings: ControlSettings = {};
      for (const [k, val] of Object.entries(raw)) {
        if (k === 'enabled') {
          if (typeof val !== 'boolean') throw src.error(['controls', id, k], 'enabled must be true or false');
          settings.enabled = val;
        } else if (k === 'severity') {
          if (!isSeverity(val)) throw src.error(['controls', id, k], 'severity must be one of critical, high, medium, low, info');
          settings.severity = val;
        } else if (k === 'params') {
          if (!isRecord(val)) throw src.error(['controls', id, k], 'params must be a mapping');
          for (const [pn, pv] of Object.entries(val)) checkParam(src, ['controls', id, k, pn], pn, control.meta.params?.[pn], pv, id);
          settings.params = val;
        } else {
          throw src.error(['controls', id, k], `unknown control setting "${k}" (expected enabled, severity, params)`);
        }
      }
      config.controls[id] = settings;
    }
  }
  if (v['exceptions'] !== undefined) config.exceptions = parseExceptions(src, ['exceptions'], byId);
  if (v['admission'] !== undefined) config.extra['admission'] = v['admission'];
  return config;
}

/** Load `--config FILE`, or rampart.yaml found upward from cwd, or the defaults. */
export function loadConfig(explicit: string | undefined, cwd: string, controls: readonly AnyControl[]): RampartConfig {
  const file = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  if (!file) return EMPTY_CONFIG;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError('cannot read config file', explicit ?? file, 0, 0);
  }
  return parseConfig(text, explicit ?? file, controls);
}
