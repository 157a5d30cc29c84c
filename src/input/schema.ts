/**
 * The YAML schema Kubernetes actually uses.
 *
 * kubectl and the API machinery read YAML with sigs.k8s.io/yaml, which decodes with go-yaml v2
 * into `interface{}` and converts the result to JSON. Plain scalars therefore resolve exactly as
 * go-yaml v2's resolver does (re-implemented here from its rules, see docs/input.md):
 *   - booleans: y Y yes Yes YES true True TRUE on On ON / n N no No NO false False FALSE off Off OFF
 *     (`privileged: yes` IS privileged);
 *   - null: empty, ~ null Null NULL;
 *   - integers with Go's base-0 syntax after removing `_`: 0x1F, 0o17, 0b101, and 0644 is octal;
 *   - floats matching ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ and .inf/.nan forms;
 *   - NO base-60 numbers (`1:30` is a string) and timestamps stay strings (go-yaml v2 keeps them
 *     as strings when decoding into interface{});
 *   - merge keys (`<<: *base`) are honoured.
 * No `!!binary`, `!!set`, `!!omap`, `!!timestamp` and no custom tags: an unknown tag is an input
 * error, never a constructor (nothing in the input is executed).
 */
import { NOT_RESOLVED, Schema, defineScalarTag, mapTag, mergeTag, seqTag, strTag } from 'js-yaml';

const BOOLS: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BOOLS[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) BOOLS[s] = false;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS: Record<string, number> = Object.create(null) as Record<string, number>;
for (const s of ['.nan', '.NaN', '.NAN']) SPECIAL_FLOATS[s] = Number.NaN;
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) SPECIAL_FLOATS[s] = Number.POSITIVE_INFINITY;
for (const s of ['-.inf', '-.Inf', '-.INF']) SPECIAL_FLOATS[s] = Number.NEGATIVE_INFINITY;

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go strconv.ParseInt(s, 0, 64) / ParseUint(s, 0, 64) success, as a BigInt, else undefined. */
function goParseInt(s: string, allowSign: boolean): bigint | undefined {
  let sign = 1n;
  let body = s;
  if (body[0] === '+' || body[0] === '-') {
    if (!allowSign) return undefined;
    if (body[0] === '-') sign = -1n;
    body = body.slice(1);
  }
  let digits: RegExp;
  let prefix = '';
  if (/^0[xX]/.test(body)) [prefix, digits, body] = ['0x', /^[0-9a-fA-F]+$/, body.slice(2)];
  else if (/^0[oO]/.test(body)) [prefix, digits, body] = ['0o', /^[0-7]+$/, body.slice(2)];
  else if (/^0[bB]/.test(body)) [prefix, digits, body] = ['0b', /^[01]+$/, body.slice(2)];
  else if (/^0[0-9]/.test(body)) [prefix, digits, body] = ['0o', /^[0-7]+$/, body.slice(1)];
  else digits = /^[0-9]+$/;
  if (!digits.test(body)) return undefined;
  return sign * BigInt(prefix + body);
}

/** Integer prefixed with 0b/-0b/0o/-0o, parsed in that base (go-yaml's extra forms). */
function prefixedInt(plain: string): bigint | undefined {
  const m = /^(-?)0([bo])(.+)$/.exec(plain);
  if (!m) return undefined;
  const digits = m[2] === 'b' ? /^[01]+$/ : /^[0-7]+$/;
  if (!digits.test(m[3] as string)) return undefined;
  const v = BigInt(`0${m[2]}${m[3]}`) * (m[1] === '-' ? -1n : 1n);
  return v >= INT64_MIN && v <= UINT64_MAX ? v : undefined;
}

type Resolved = { kind: 'null'; value: null } | { kind: 'bool'; value: boolean } | { kind: 'int'; value: number } | { kind: 'float'; value: number } | { kind: 'str' };

/** go-yaml v2 `resolve("", in)` for a plain scalar. */
export function resolvePlainScalar(text: string): Resolved {
  if (NULLS.has(text)) return { kind: 'null', value: null };
  const c = text[0] as string;
  if ('yYnNtTfFoO'.includes(c)) {
    const b = BOOLS[text];
    return b === undefined ? { kind: 'str' } : { kind: 'bool', value: b };
  }
  if (c === '.') {
    const special = SPECIAL_FLOATS[text];
    if (special !== undefined) return { kind: 'float', value: special };
    return DOT_FLOAT.test(text) ? { kind: 'float', value: Number(text) } : { kind: 'str' };
  }
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    const special = SPECIAL_FLOATS[text];
    if (special !== undefined) return { kind: 'float', value: special };
    const plain = text.replace(/_/g, '');
    const asInt = goParseInt(plain, true);
    if (asInt !== undefined && asInt >= INT64_MIN && asInt <= INT64_MAX) return { kind: 'int', value: Number(asInt) };
    const asUint = goParseInt(plain, false);
    if (asUint !== undefined && asUint >= 0n && asUint <= UINT64_MAX) return { kind: 'int', value: Number(asUint) };
    if (YAML_STYLE_FLOAT.test(plain)) return { kind: 'float', value: Number(plain) };
    const prefixed = prefixedInt(plain);
    if (prefixed !== undefined) return { kind: 'int', value: Number(prefixed) };
  }
  return { kind: 'str' };
}

const never = (): boolean => false;

// The resolvers below are on the hot path of every plain scalar: exact lookups first, the full
// go-yaml rules only for what could be a number.
const nullTag = defineScalarTag<null>('tag:yaml.org,2002:null', {
  implicit: true,
  implicitFirstChars: ['', '~', 'n', 'N'],
  resolve: (s) => (NULLS.has(s) ? null : NOT_RESOLVED),
  identify: (d) => d === null,
});

const boolTag = defineScalarTag<boolean>('tag:yaml.org,2002:bool', {
  implicit: true,
  implicitFirstChars: ['y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O'],
  resolve: (s) => {
    const b = BOOLS[s];
    return b === undefined ? NOT_RESOLVED : b;
  },
  identify: never,
});

const NUMERIC_FIRST = ['+', '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const SMALL_DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;

const intTag = defineScalarTag<number>('tag:yaml.org,2002:int', {
  implicit: true,
  implicitFirstChars: NUMERIC_FIRST,
  resolve: (s) => {
    if (SMALL_DECIMAL.test(s)) return Number(s);
    const r = resolvePlainScalar(s);
    return r.kind === 'int' ? r.value : NOT_RESOLVED;
  },
  identify: never,
});

const floatTag = defineScalarTag<number>('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: NUMERIC_FIRST,
  // An explicit `!!float 1` is accepted, as go-yaml converts int to float for that tag.
  resolve: (s, isExplicit) => {
    const r = resolvePlainScalar(s);
    return r.kind === 'float' || (isExplicit && r.kind === 'int') ? r.value : NOT_RESOLVED;
  },
  identify: never,
});

export const KUBERNETES_YAML_SCHEMA = new Schema([strTag, seqTag, mapTag, nullTag, boolTag, intTag, floatTag, mergeTag]);
