/**
 * Parameterised checks over component configuration files (KubeletConfiguration,
 * KubeProxyConfiguration): fields addressed by path, each with the defaulting the component applies
 * when the field is absent. Findings point at the field, or at its nearest existing parent.
 */
import type { JsonPointer, K8sObject } from '../../../../../model/types.js';
import { joinPointer } from '../../../../../model/pointer.js';

export interface FieldViolation {
  message: string;
  path: JsonPointer;
}

export type FieldRule = (obj: K8sObject) => FieldViolation[];

interface Lookup {
  present: boolean;
  value: unknown;
  /** The field's pointer when present, else the nearest existing ancestor's. */
  path: JsonPointer;
}

export function lookup(obj: unknown, fields: readonly string[]): Lookup {
  let cur: unknown = obj;
  let path = '';
  for (const f of fields) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, f)) return { present: false, value: undefined, path };
    cur = (cur as Record<string, unknown>)[f];
    path = joinPointer(path, f);
  }
  // An explicit null is what the decoder sees as unset.
  return cur === null ? { present: false, value: undefined, path } : { present: true, value: cur, path };
}

const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** The field must equal `expected`; `defaultValue` is what the component uses when it is absent. */
export function fieldMustEqual(kind: string, fields: readonly string[], expected: unknown, defaultValue: unknown): FieldRule {
  const name = fields.join('.');
  return (obj) => {
    const l = lookup(obj, fields);
    if (!l.present) {
      if (defaultValue === expected) return [];
      const because = defaultValue === undefined ? '' : ` and defaults to ${show(defaultValue)}`;
      return [{ message: `${kind}: ${name} is not set${because}; it must be ${show(expected)}`, path: l.path }];
    }
    if (l.value === expected) return [];
    return [{ message: `${kind}: ${name} is ${show(l.value)}; it must be ${show(expected)}`, path: l.path }];
  };
}

/** The field must not equal `forbidden`. */
export function fieldMustNotEqual(kind: string, fields: readonly string[], forbidden: unknown, defaultValue: unknown): FieldRule {
  const name = fields.join('.');
  return (obj) => {
    const l = lookup(obj, fields);
    const value = l.present ? l.value : defaultValue;
    if (value !== forbidden) return [];
    const how = l.present ? `is ${show(l.value)}` : `is not set and defaults to ${show(defaultValue)}`;
    return [{ message: `${kind}: ${name} ${how}; it must not be ${show(forbidden)}`, path: l.path }];
  };
}

/** Each field must be a non-empty string. */
export function fieldMustBeSet(kind: string, ...fieldPaths: (readonly string[])[]): FieldRule {
  return (obj) =>
    fieldPaths.flatMap((fields): FieldViolation[] => {
      const l = lookup(obj, fields);
      if (!l.present) return [{ message: `${kind}: ${fields.join('.')} is not set`, path: l.path }];
      if (typeof l.value !== 'string' || l.value.trim() === '') return [{ message: `${kind}: ${fields.join('.')} is empty`, path: l.path }];
      return [];
    });
}

/** A numeric field must be a positive integer (a limit that is actually set). */
export function fieldMustBePositive(kind: string, fields: readonly string[], meaningOfDefault: string): FieldRule {
  const name = fields.join('.');
  return (obj) => {
    const l = lookup(obj, fields);
    if (!l.present) return [{ message: `${kind}: ${name} is not set, so ${meaningOfDefault}`, path: l.path }];
    if (typeof l.value === 'number' && Number.isInteger(l.value) && l.value > 0) return [];
    return [{ message: `${kind}: ${name} is ${show(l.value)}, so ${meaningOfDefault}`, path: l.path }];
  };
}

/** Every entry of a string-list field must be in `allowed`; absent means the Go defaults. */
export function fieldOnlyFrom(kind: string, fields: readonly string[], allowed: readonly string[], unsetMeaning: string): FieldRule {
  const name = fields.join('.');
  const ok = new Set(allowed);
  return (obj) => {
    const l = lookup(obj, fields);
    if (!l.present || (Array.isArray(l.value) && l.value.length === 0)) return [{ message: `${kind}: ${name} is not set, so ${unsetMeaning}`, path: l.path }];
    if (!Array.isArray(l.value)) return [{ message: `${kind}: ${name} is not a list`, path: l.path }];
    const out: FieldViolation[] = [];
    l.value.forEach((v, i) => {
      if (typeof v !== 'string' || !ok.has(v)) out.push({ message: `${kind}: ${name} allows ${typeof v === 'string' ? v : show(v)}`, path: joinPointer(l.path, i) });
    });
    return out;
  };
}
