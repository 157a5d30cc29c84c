import type { AnyControl } from '../engines/controls/types.js';
import type { Finding } from '../model/finding.js';
import type { YamlSource } from './yaml-source.js';
import { parseYamlSource } from './yaml-source.js';

/** An accepted risk: suppresses matching findings, with a reason and optional expiry. */
export interface ExceptionRule {
  file: string;
  index: number;
  line: number;
  control: string;
  kind?: string;
  namespace?: string;
  /** Glob on the resource name (`*` and `?`). */
  name?: string;
  container?: string;
  reason: string;
  /** ISO date (YYYY-MM-DD); the exception stops suppressing after this day. */
  expires?: string;
}

const FIELDS = new Set(['control', 'kind', 'namespace', 'name', 'container', 'reason', 'expires']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function parseExceptions(src: YamlSource, base: (string | number)[], controls: ReadonlyMap<string, AnyControl>): ExceptionRule[] {
  let list: unknown = src.value;
  for (const k of base) list = isRecord(list) ? list[k as string] : undefined;
  if (!Array.isArray(list)) throw src.error(base, 'exceptions must be a list');
  return list.map((raw, index): ExceptionRule => {
    const at = [...base, index];
    if (!isRecord(raw)) throw src.error(at, 'an exception must be a mapping');
    for (const k of Object.keys(raw)) if (!FIELDS.has(k)) throw src.error([...at, k], `unknown exception field "${k}"`);
    const control = raw['control'];
    if (typeof control !== 'string' || control === '') throw src.error(at, 'an exception needs "control" (a control ID, or "*")');
    if (control !== '*' && !controls.has(control)) throw src.error([...at, 'control'], `unknown control "${control}"`);
    const reason = raw['reason'];
    if (typeof reason !== 'string' || reason.trim() === '') throw src.error(at, 'an exception needs a "reason"');
    const rule: ExceptionRule = { file: src.file, index, line: src.position(at).line, control, reason };
    for (const f of ['kind', 'namespace', 'name', 'container'] as const) {
      const val = raw[f];
      if (val === undefined) continue;
      if (typeof val !== 'string') throw src.error([...at, f], `"${f}" must be a string`);
      rule[f] = val;
    }
    const expires = raw['expires'];
    if (expires !== undefined) {
      const s = expires instanceof Date ? expires.toISOString().slice(0, 10) : String(expires);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s))) throw src.error([...at, 'expires'], 'expires must be a date, YYYY-MM-DD');
      rule.expires = s;
    }
    return rule;
  });
}

export function parseExceptionsFile(text: string, file: string, controls: readonly AnyControl[]): ExceptionRule[] {
  const src = parseYamlSource(text, file);
  const byId = new Map(controls.map((c) => [c.meta.id, c]));
  const base = isRecord(src.value) && 'exceptions' in src.value ? ['exceptions'] : [];
  return parseExceptions(src, base, byId);
}

function glob(pattern: string, value: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(value);
}

export function isExpired(rule: ExceptionRule, today: string): boolean {
  return rule.expires !== undefined && rule.expires < today;
}

export function exceptionMatches(rule: ExceptionRule, f: Finding): boolean {
  if (rule.control !== '*' && rule.control !== f.control) return false;
  if (rule.kind !== undefined && rule.kind !== f.resource.kind) return false;
  if (rule.namespace !== undefined && !glob(rule.namespace, f.resource.namespace ?? '')) return false;
  if (rule.name !== undefined && !glob(rule.name, f.resource.name)) return false;
  if (rule.container !== undefined && rule.container !== f.container) return false;
  return true;
}
