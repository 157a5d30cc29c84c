/**
 * A deliberately small JSON Schema (2020-12 subset) validator for the report schema test: the
 * keywords `json-report.schema.json` uses and nothing more. Unknown keywords are an error, so the
 * schema cannot silently rely on something this validator ignores.
 */

export type Schema = boolean | { [keyword: string]: unknown };

// `format` is an annotation by default in 2020-12; `definitions` is the draft-07 spelling of `$defs`
// (the official SARIF schema uses it).
const ANNOTATIONS = new Set(['$schema', '$id', 'id', 'title', 'description', '$defs', 'definitions', 'default', 'format']);
const SUPPORTED = new Set([
  '$ref', 'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'oneOf', 'anyOf',
  'minimum', 'maximum', 'minLength', 'pattern', 'minItems', 'uniqueItems',
]);

export interface SchemaError {
  /** JSON Pointer into the instance. */
  at: string;
  message: string;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function matchesType(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

/** JSON with sorted keys, so equal values compare equal regardless of key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function validate(root: Schema, instance: unknown): SchemaError[] {
  const errors: SchemaError[] = [];

  const resolve = (ref: string): Schema => {
    const m = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
    const defs = m && typeof root === 'object' ? (root[m[1]!] as Record<string, Schema> | undefined) : undefined;
    const target = m && defs ? defs[m[2]!] : undefined;
    if (target === undefined) throw new Error(`unsupported or dangling $ref ${ref}`);
    return target;
  };

  const check = (schema: Schema, v: unknown, at: string, out: SchemaError[]): void => {
    if (schema === true) return;
    if (schema === false) {
      out.push({ at, message: 'no value allowed here' });
      return;
    }
    for (const k of Object.keys(schema)) {
      if (!ANNOTATIONS.has(k) && !SUPPORTED.has(k)) throw new Error(`validator does not support keyword "${k}"`);
    }
    if (typeof schema['$ref'] === 'string') check(resolve(schema['$ref']), v, at, out);
    if (schema['type'] !== undefined) {
      const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string];
      if (!types.some((t) => matchesType(v, t))) {
        out.push({ at, message: `expected ${types.join(' or ')}, got ${typeOf(v)}` });
        return;
      }
    }
    if (Array.isArray(schema['enum']) && !schema['enum'].some((e) => e === v)) {
      out.push({ at, message: `${JSON.stringify(v)} is not one of ${JSON.stringify(schema['enum'])}` });
    }
    if ('const' in schema && schema['const'] !== v) out.push({ at, message: `expected ${JSON.stringify(schema['const'])}` });
    if (typeof v === 'number') {
      if (typeof schema['minimum'] === 'number' && v < schema['minimum']) out.push({ at, message: `${v} < minimum ${schema['minimum']}` });
      if (typeof schema['maximum'] === 'number' && v > schema['maximum']) out.push({ at, message: `${v} > maximum ${schema['maximum']}` });
    }
    if (typeof v === 'string') {
      if (typeof schema['minLength'] === 'number' && [...v].length < schema['minLength']) out.push({ at, message: `shorter than ${schema['minLength']}` });
      if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(v)) out.push({ at, message: `does not match ${schema['pattern']}` });
    }
    if (Array.isArray(schema['oneOf'])) {
      const passing = (schema['oneOf'] as Schema[]).filter((s) => {
        const sub: SchemaError[] = [];
        check(s, v, at, sub);
        return sub.length === 0;
      });
      if (passing.length !== 1) out.push({ at, message: `matches ${passing.length} of oneOf, expected exactly 1` });
    }
    if (Array.isArray(schema['anyOf'])) {
      const ok = (schema['anyOf'] as Schema[]).some((s) => {
        const sub: SchemaError[] = [];
        check(s, v, at, sub);
        return sub.length === 0;
      });
      if (!ok) out.push({ at, message: 'matches none of anyOf' });
    }
    if (Array.isArray(v)) {
      if (typeof schema['minItems'] === 'number' && v.length < schema['minItems']) out.push({ at, message: `fewer than ${schema['minItems']} items` });
      if (schema['uniqueItems'] === true && new Set(v.map(canonical)).size !== v.length) out.push({ at, message: 'items are not unique' });
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>;
      const props = (schema['properties'] ?? {}) as Record<string, Schema>;
      for (const r of (schema['required'] ?? []) as string[]) {
        if (!(r in obj)) out.push({ at, message: `missing required property "${r}"` });
      }
      for (const [k, val] of Object.entries(obj)) {
        const sub = props[k];
        if (sub !== undefined) check(sub, val, `${at}/${escapePointer(k)}`, out);
        else if (schema['additionalProperties'] === false) out.push({ at, message: `unexpected property "${k}"` });
        else if (typeof schema['additionalProperties'] === 'object') check(schema['additionalProperties'] as Schema, val, `${at}/${escapePointer(k)}`, out);
      }
    }
    if (Array.isArray(v) && schema['items'] !== undefined) {
      v.forEach((item, i) => check(schema['items'] as Schema, item, `${at}/${i}`, out));
    }
  };

  check(root, instance, '', errors);
  return errors;
}
