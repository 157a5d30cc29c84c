/**
 * Parameterised flag checks (in the spirit of kube-linter templates): each returns the violations of
 * one rule over a component's flags, each pointing at the flag's own argument, or at the command/args
 * array when the flag is missing, with a JSON Patch fix where the right value is known.
 */
import type { JsonPatchOp } from '../../../../../model/finding.js';
import type { JsonPointer } from '../../../../../model/types.js';
import type { FlagOccurrence, FlagSet } from './components.js';
import { envVarName, parseGoBool } from './components.js';

export interface Violation {
  message: string;
  path: JsonPointer;
  fix?: JsonPatchOp[];
}

export type FlagRule = (flags: FlagSet) => Violation[];

const flagText = (name: string, value: string): string => `--${name}=${value}`;

/** Patch that sets one occurrence's value, or appends the flag when there is none. */
function setOccurrenceFix(flags: FlagSet, occ: FlagOccurrence | undefined, name: string, value: string): JsonPatchOp[] {
  if (!occ) {
    return flags.arrayExists
      ? [{ op: 'add', path: `${flags.arrayPath}/-`, value: flagText(name, value) }]
      : [{ op: 'add', path: flags.arrayPath, value: [flagText(name, value)] }];
  }
  if (occ.form === 'separate' || occ.form === 'env') return [{ op: 'replace', path: occ.valuePath, value }];
  return [{ op: 'replace', path: occ.path, value: flagText(name, value) }];
}

/** Patch that makes the flag's effective value `value` (rewrites the effective occurrence or appends). */
export function setFlagFix(flags: FlagSet, name: string, value: string): JsonPatchOp[] {
  return setOccurrenceFix(flags, flags.effective(name), name, value);
}

/** Patch removing occurrences, highest array index first so the remaining indexes stay valid. */
function removeOccurrencesFix(occs: readonly FlagOccurrence[]): JsonPatchOp[] {
  const paths = occs.flatMap((o) => o.removePaths);
  const index = (p: string): number => Number(p.slice(p.lastIndexOf('/') + 1));
  const parent = (p: string): string => p.slice(0, p.lastIndexOf('/'));
  paths.sort((a, b) => (parent(a) === parent(b) ? index(b) - index(a) : parent(a) < parent(b) ? -1 : 1));
  return paths.map((path) => ({ op: 'remove', path }));
}

/** Patch removing every occurrence of the flag. */
export function removeFlagFix(flags: FlagSet, name: string): JsonPatchOp[] {
  return removeOccurrencesFix(flags.all(name));
}

/**
 * Patch giving a list flag the value `next`: the last command-line occurrence is rewritten first
 * (its index is still valid), then earlier repeats are removed, highest index first.
 */
function listFix(flags: FlagSet, name: string, next: readonly string[]): JsonPatchOp[] {
  const cli = flags.all(name).filter((o) => o.form !== 'env');
  const last = cli.at(-1) ?? flags.effective(name);
  return [...setOccurrenceFix(flags, last, name, next.join(',')), ...removeOccurrencesFix(cli.slice(0, -1))];
}

function describeValue(occ: FlagOccurrence): string {
  return `"${occ.value}"`;
}

function where(flags: FlagSet, name: string): string {
  const occ = flags.effective(name);
  return occ?.form === 'env' ? `--${name} (from ${envVarName(name)})` : `--${name}`;
}

function sameValue(actual: string, expected: string): boolean {
  const want = parseGoBool(expected);
  if (want !== undefined && (expected === 'true' || expected === 'false')) return parseGoBool(actual) === want;
  return actual === expected;
}

export interface DefaultOpt {
  /** The binary's default when the flag is absent (omit when the rule requires the flag). */
  default?: string;
}

/** The flag's effective value must equal `expected` (booleans compared as Go parses them). */
export function flagMustEqual(name: string, expected: string, opts: DefaultOpt = {}): FlagRule {
  return (flags) => {
    const occ = flags.effective(name);
    if (!occ) {
      if (opts.default !== undefined && sameValue(opts.default, expected)) return [];
      const because = opts.default !== undefined ? ` and defaults to ${opts.default}` : '';
      return [{ message: `${flags.component}: --${name} is not set${because}; it must be ${expected}`, path: flags.arrayPath, fix: setFlagFix(flags, name, expected) }];
    }
    if (sameValue(occ.value, expected)) return [];
    return [{ message: `${flags.component}: ${where(flags, name)} is ${describeValue(occ)}; it must be ${expected}`, path: occ.path, fix: setFlagFix(flags, name, expected) }];
  };
}

/** The flag's effective value must not equal `forbidden`; the fix sets `replacement`. */
export function flagMustNotEqual(name: string, forbidden: string, replacement: string, opts: DefaultOpt = {}): FlagRule {
  return (flags) => {
    const occ = flags.effective(name);
    if (!occ) {
      if (opts.default === undefined || !sameValue(opts.default, forbidden)) return [];
      return [{ message: `${flags.component}: --${name} is not set and defaults to ${opts.default}; set it to ${replacement}`, path: flags.arrayPath, fix: setFlagFix(flags, name, replacement) }];
    }
    if (!sameValue(occ.value, forbidden)) return [];
    return [{ message: `${flags.component}: ${where(flags, name)} is ${describeValue(occ)}; it must not be ${forbidden}`, path: occ.path, fix: setFlagFix(flags, name, replacement) }];
  };
}

/** Every flag must be set to a non-empty value (paths and files the tool cannot guess: no fix). */
export function flagMustBeSet(...names: string[]): FlagRule {
  return (flags) =>
    names.flatMap((name): Violation[] => {
      const occ = flags.effective(name);
      if (!occ) return [{ message: `${flags.component}: --${name} is not set`, path: flags.arrayPath }];
      if (occ.value.trim() === '') return [{ message: `${flags.component}: --${name} is empty`, path: occ.path }];
      return [];
    });
}

/** The flag must not appear at all. */
export function flagMustNotBeSet(name: string): FlagRule {
  return (flags) => {
    const occ = flags.effective(name);
    if (!occ) return [];
    return [{ message: `${flags.component}: --${name} is set`, path: occ.path, fix: removeFlagFix(flags, name) }];
  };
}

/** A comma-separated list flag must include `item`. */
export function flagMustContain(name: string, item: string, opts: { default?: readonly string[] } = {}): FlagRule {
  return (flags) => {
    const list = flags.list(name);
    const effective = list ?? [...(opts.default ?? [])];
    if (effective.includes(item)) return [];
    const occ = flags.effective(name);
    if (!occ) {
      const because = opts.default?.length ? ` and defaults to ${opts.default.join(',')}` : '';
      // The default is replaced, not extended: a default such as AlwaysAllow is what the rule is about.
      return [{ message: `${flags.component}: --${name} is not set${because}; it must include ${item}`, path: flags.arrayPath, fix: setFlagFix(flags, name, item) }];
    }
    return [{ message: `${flags.component}: --${name} "${effective.join(',')}" does not include ${item}`, path: occ.path, fix: listFix(flags, name, [...effective, item]) }];
  };
}

/** A comma-separated list flag must not include `item` (with the binary's default when absent). */
export function flagMustNotContain(name: string, item: string, opts: { default?: readonly string[]; replacement?: readonly string[] } = {}): FlagRule {
  return (flags) => {
    const list = flags.list(name);
    const effective = list ?? [...(opts.default ?? [])];
    if (!effective.includes(item)) return [];
    const rest = effective.filter((v) => v !== item);
    const next = rest.length > 0 ? rest : [...(opts.replacement ?? [])];
    const occ = flags.effective(name);
    if (!occ) {
      const defaults = effective.length === 1 ? item : `${effective.join(',')}, which includes ${item}`;
      const v: Violation = { message: `${flags.component}: --${name} is not set and defaults to ${defaults}`, path: flags.arrayPath };
      if (next.length > 0) v.fix = setFlagFix(flags, name, next.join(','));
      return [v];
    }
    const v: Violation = { message: `${flags.component}: --${name} "${effective.join(',')}" includes ${item}`, path: occ.path };
    if (next.length > 0) v.fix = listFix(flags, name, next);
    else v.fix = removeFlagFix(flags, name);
    return [v];
  };
}

/** A numeric flag must be at least `min` (Go parses integers strictly: `30d` is not a number). */
export function flagAtLeast(name: string, min: number, opts: { default?: number } = {}): FlagRule {
  return (flags) => {
    const occ = flags.effective(name);
    if (!occ) {
      if (opts.default !== undefined && opts.default >= min) return [];
      const because = opts.default !== undefined ? ` and defaults to ${opts.default}` : '';
      return [{ message: `${flags.component}: --${name} is not set${because}; it must be at least ${min}`, path: flags.arrayPath, fix: setFlagFix(flags, name, String(min)) }];
    }
    const n = /^[+-]?\d+$/.test(occ.value) ? Number(occ.value) : Number.NaN;
    if (Number.isNaN(n)) return [{ message: `${flags.component}: --${name} is "${occ.value}", not an integer; it must be at least ${min}`, path: occ.path, fix: setFlagFix(flags, name, String(min)) }];
    if (n >= min) return [];
    return [{ message: `${flags.component}: --${name} is ${n}; it must be at least ${min}`, path: occ.path, fix: setFlagFix(flags, name, String(min)) }];
  };
}

/** Every item of a list flag must be in `allowed`; unset means the binary's (weaker) defaults. */
export function flagOnlyFrom(name: string, allowed: readonly string[], unsetMeaning: string): FlagRule {
  const ok = new Set(allowed);
  return (flags) => {
    const occ = flags.effective(name);
    const list = flags.list(name);
    if (!occ || !list) return [{ message: `${flags.component}: --${name} is not set, so ${unsetMeaning}`, path: flags.arrayPath, fix: setFlagFix(flags, name, allowed.join(',')) }];
    const bad = list.filter((v) => !ok.has(v));
    if (bad.length === 0 && list.length > 0) return [];
    const good = list.filter((v) => ok.has(v));
    const v: Violation = {
      message: bad.length > 0 ? `${flags.component}: --${name} allows ${bad.join(', ')}` : `${flags.component}: --${name} is empty`,
      path: occ.path,
      fix: listFix(flags, name, good.length > 0 ? good : [...allowed]),
    };
    return [v];
  };
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::1';
}

/** An address flag must bind loopback only (`127.0.0.0/8` or `::1`). */
export function flagMustBeLoopback(name: string, opts: { default: string; withPort?: boolean }): FlagRule {
  return (flags) => {
    const occ = flags.effective(name);
    const host = (v: string): string => (opts.withPort ? v.replace(/:\d+$/, '') : v);
    const fixValue = opts.withPort ? `127.0.0.1${/:\d+$/.exec(occ?.value ?? opts.default)?.[0] ?? ''}` : '127.0.0.1';
    if (!occ) {
      if (isLoopback(host(opts.default))) return [];
      return [{ message: `${flags.component}: --${name} is not set and defaults to ${opts.default} (all interfaces); it must be 127.0.0.1`, path: flags.arrayPath, fix: setFlagFix(flags, name, fixValue) }];
    }
    if (isLoopback(host(occ.value))) return [];
    return [{ message: `${flags.component}: --${name} is "${occ.value}"; it must be 127.0.0.1`, path: occ.path, fix: setFlagFix(flags, name, fixValue) }];
  };
}

/** `--feature-gates` must not turn `gate` off. */
export function featureGateNotDisabled(gate: string): FlagRule {
  return (flags) => {
    const list = flags.list('feature-gates') ?? [];
    let value: boolean | undefined;
    for (const entry of list) {
      const [k, v] = entry.split('=');
      if (k?.trim() === gate && v !== undefined) value = parseGoBool(v.trim());
    }
    if (value !== false) return [];
    const occ = flags.all('feature-gates').filter((o) => o.value.includes(gate)).at(-1) ?? flags.effective('feature-gates')!;
    const next = list.filter((e) => e.split('=')[0]?.trim() !== gate);
    const fix = next.length > 0 ? listFix(flags, 'feature-gates', next) : removeFlagFix(flags, 'feature-gates');
    return [{ message: `${flags.component}: --feature-gates disables ${gate}`, path: occ.path, fix }];
  };
}

/**
 * Admission plugin state as kube-apiserver computes it. With the deprecated `--admission-control`
 * (exclusive with the enable/disable flags) the list is exactly the enabled set, defaults included;
 * otherwise a plugin is enabled when listed in `--enable-admission-plugins`, or on by default and
 * not listed in `--disable-admission-plugins`.
 *  - `enabled`: a default-off plugin that must be turned on (NodeRestriction, EventRateLimit, …);
 *  - `not-enabled`: a plugin that must stay off (AlwaysAdmit);
 *  - `not-disabled`: a default-on plugin that must not be turned off (ServiceAccount, …).
 */
export function admissionPlugin(name: string, want: 'enabled' | 'not-enabled' | 'not-disabled'): FlagRule {
  const legacy = want === 'not-enabled' ? flagMustNotContain('admission-control', name) : flagMustContain('admission-control', name);
  const current =
    want === 'enabled'
      ? flagMustContain('enable-admission-plugins', name)
      : want === 'not-enabled'
        ? flagMustNotContain('enable-admission-plugins', name)
        : flagMustNotContain('disable-admission-plugins', name);
  return (flags) => (flags.effective('admission-control') !== undefined ? legacy(flags) : current(flags));
}
