/**
 * Fast exact positions for plain block-style YAML (what Kubernetes manifests almost always are):
 * a line/indentation scanner instead of a js-yaml re-parse. It gives EXACTLY the answer of the
 * event-based locator (`locate-yaml.ts`) or none at all. One linear pass classifies every line of
 * the document with a deliberately small grammar: block mappings and sequences (indentless ones
 * too), single-line plain and quoted scalars, `|`/`|-`/`>`/`>-` block scalars, and single-line
 * flow collections as opaque values. Anything else (multi-line flow collections or scalars,
 * anchors, aliases, tags, merge keys, complex keys, tabs, directives, `...`, lone CRs, a BOM,
 * whitespace-only lines in block scalars) makes the whole document ineligible, and so do lookups
 * into flow collections, null sequence items and duplicate keys: the caller then falls back to the
 * exact locator. Classifying the whole document, not just the walked path, is what makes the
 * structural lines trustworthy: a line that looks like `key:` is never inside a multi-line scalar.
 */
import { splitPointer } from '../model/pointer.js';
import type { Span } from './locate-yaml.js';
import { resolvePlainScalar } from './schema.js';

/** Set to false to route every lookup to the exact (js-yaml event) locator. */
export const FAST_LOCATE_ENABLED = true;

/** Line kinds. */
const SKIP = 0; // blank or comment
const KEY = 1; // `key: ...` (possibly after `- `)
const ITEM = 2; // `- scalar` or `-` (value on following lines or null)
const CONTENT = 3; // block scalar content

/** Value kinds of a KEY or ITEM line. */
const V_EMPTY = 0; // nothing on the line: nested block node below, or null
const V_SCALAR = 1; // single-line plain or quoted scalar, or a block scalar
const V_FLOW = 2; // single-line flow collection: has a span, but is never walked into

interface Table {
  text: string;
  /** Line kind (SKIP, KEY, ITEM, CONTENT). */
  kind: Int32Array;
  /** Column of the line's first token (the dash of a dash line). */
  indent: Int32Array;
  /** Dash lines: 1. */
  dash: Int32Array;
  /** Offset of the dash (dash lines) or the key (key lines). */
  start: Int32Array;
  /** KEY lines: the key's column, its span (quotes included) and quote style (0 plain, 1 ', 2 "). */
  keyCol: Int32Array;
  keyStart: Int32Array;
  keyEnd: Int32Array;
  keyQuote: Int32Array;
  valueKind: Int32Array;
  valueStart: Int32Array;
  valueEnd: Int32Array;
  /** End offset of the last token on the line (-1: none), for collection ends. */
  tokenEnd: Int32Array;
  /** Structural lines: the next structural line not nested below this one (indent <= its indent). */
  skip: Int32Array;
  count: number;
}

const FIELDS = 13;

class Ineligible extends Error {}

function bail(): never {
  throw new Ineligible();
}

const CACHE_SIZE = 256;
const cache = new Map<object, Table | null>();

function tableFor(owner: object, text: string, from: number, to: number): Table | null {
  const hit = cache.get(owner);
  if (hit !== undefined) {
    cache.delete(owner);
    cache.set(owner, hit);
    return hit;
  }
  let table: Table | null;
  try {
    table = classify(text, from, to);
  } catch (err) {
    if (!(err instanceof Ineligible)) throw err;
    table = null;
  }
  cache.set(owner, table);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as object);
  return table;
}

const SP = 32;
const TAB = 9;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DQ = 34;
const SQ = 39;

/** End (exclusive) of a quoted scalar opened at `p` on a line ending at `eol`; bails if not closed there. */
function quoteEnd(text: string, p: number, eol: number): number {
  const q = text.charCodeAt(p);
  for (let k = p + 1; k < eol; k++) {
    const c = text.charCodeAt(k);
    if (q === DQ && c === 92) k++;
    else if (c === q) {
      if (q === SQ && text.charCodeAt(k + 1) === SQ) k++;
      else return k + 1;
    }
  }
  return bail();
}

/** Only spaces, or spaces then a comment, from p to eol? (A comment needs a space before it.) */
function restIsEmpty(text: string, p: number, eol: number): boolean {
  let k = p;
  while (k < eol && text.charCodeAt(k) === SP) k++;
  return k === eol || (k > p && text.charCodeAt(k) === HASH);
}

/**
 * End (exclusive) of a flow collection opened at p that closes on the same line, found by
 * counting brackets outside quoted scalars. A quote counts only where a node starts (after a
 * bracket, `,` or `:` and spaces); one inside a plain scalar, a comment or a line end bails.
 */
function flowEnd(text: string, p: number, eol: number): number {
  let depth = 0;
  let nodeStart = true;
  for (let k = p; k < eol; k++) {
    const c = text.charCodeAt(k);
    if (c === DQ || c === SQ) {
      if (!nodeStart) bail();
      k = quoteEnd(text, k, eol) - 1;
      nodeStart = false;
      continue;
    }
    if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) {
      if (--depth === 0) {
        if ((text.charCodeAt(p) === 91) !== (c === 93)) bail();
        return k + 1;
      }
    } else if (c === HASH) bail();
    if (c !== SP) nodeStart = c === 91 || c === 123 || c === 44 || c === COLON;
  }
  return bail();
}

/** Characters that cannot start a plain scalar we accept (indicators, reserved, flow). */
function badPlainStart(c: number): boolean {
  // , [ ] { } # & * ! | > ' " % @ ` ? : <
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === HASH || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === SQ || c === DQ || c === 37 || c === 64 || c === 96 || c === 63 || c === COLON || c === 60;
}

/** End of a plain scalar starting at p (trailing spaces and comment excluded); bails on `: `. */
function plainEnd(text: string, p: number, eol: number): number {
  let end = p;
  for (let k = p; k < eol; k++) {
    const c = text.charCodeAt(k);
    if (c === SP) {
      if (text.charCodeAt(k + 1) === HASH) break;
      continue;
    }
    if (c === COLON && (k + 1 === eol || text.charCodeAt(k + 1) === SP)) bail();
    end = k + 1;
  }
  return end;
}

function classify(text: string, from: number, to: number): Table {
  const slice = text.slice(from, to);
  if (slice.includes('\t') || slice.includes('\ufeff')) bail();
  const hasCR = slice.includes('\r');
  // Line starts.
  const starts: number[] = [];
  for (let p = from; p < to; ) {
    starts.push(p);
    const nl = text.indexOf('\n', p);
    p = nl < 0 || nl >= to ? to : nl + 1;
  }
  const n = starts.length;
  // One backing buffer for all per-line fields: a located document costs one allocation.
  const buf = new Int32Array(n * FIELDS);
  const field = (f: number): Int32Array => buf.subarray(f * n, (f + 1) * n);
  const t: Table = {
    text,
    kind: field(0),
    indent: field(1),
    dash: field(2),
    start: field(3),
    keyCol: field(4),
    keyStart: field(5),
    keyEnd: field(6),
    keyQuote: field(7),
    valueKind: field(8),
    valueStart: field(9),
    valueEnd: field(10).fill(-1),
    tokenEnd: field(11).fill(-1),
    skip: field(12).fill(n),
    count: n,
  };
  let seenContent = false;
  /** Column of a `-` line with nothing after it: the next structural line must be nested in it. */
  let emptyItem = -1;
  /** A single-line scalar was just read: the next structural line must not be deeper than this. */
  let scalarOwner = -1;
  /** Block scalar in progress: header line, owner column, content column (-1 before the first line). */
  let blockLine = -1;
  let blockOwner = -1;
  let blockIndent = -1;
  for (let i = 0; i < n; i++) {
    const ls = starts[i] as number;
    let eol = i + 1 < n ? (starts[i + 1] as number) : to;
    if (eol > ls && text.charCodeAt(eol - 1) === 10) eol--;
    if (hasCR && eol > ls && text.charCodeAt(eol - 1) === 13) eol--;
    if (hasCR && text.slice(ls, eol).includes('\r')) bail(); // a lone CR is a line break we do not track
    let p = ls;
    while (p < eol && text.charCodeAt(p) === SP) p++;
    const col = p - ls;
    const blank = p === eol;
    if (blockLine >= 0) {
      if (blank) {
        if (eol > ls || blockIndent < 0) bail(); // whitespace-only or leading empty lines: edge cases
        continue;
      }
      if (blockIndent < 0) {
        if (col <= blockOwner) bail(); // empty block scalar
        blockIndent = col;
      }
      if (col >= blockIndent) {
        t.kind[i] = CONTENT;
        t.indent[i] = col;
        t.tokenEnd[i] = eol;
        t.valueEnd[blockLine] = eol;
        continue;
      }
      blockLine = -1;
      if (col > blockOwner && text.charCodeAt(p) !== HASH) bail();
    }
    if (blank) continue;
    const c0 = text.charCodeAt(p);
    if (c0 === HASH) continue; // comment line (`#` at a line's first non-space is always one)
    if (col === 0 && (text.startsWith('---', p) || text.startsWith('...', p)) && (eol === p + 3 || text.charCodeAt(p + 3) === SP)) {
      if (seenContent || text.charCodeAt(p) === 46 || !restIsEmpty(text, p + 3, eol)) bail();
      continue;
    }
    if (col === 0 && c0 === 37) bail(); // directive
    if (scalarOwner >= 0 && col > scalarOwner) bail(); // continuation of a multi-line plain scalar
    scalarOwner = -1;
    // A null item (`-` with nothing nested) has no span, and the exact locator's collection ends
    // then follow rules (an all-null sequence spans its first dash) not worth mirroring.
    if (emptyItem >= 0 && col <= emptyItem) bail();
    emptyItem = -1;
    seenContent = true;
    t.indent[i] = col;
    t.start[i] = p;
    let owner = col; // column a scalar on this line belongs to
    if (c0 === DASH && (p + 1 === eol || text.charCodeAt(p + 1) === SP)) {
      t.dash[i] = 1;
      p++;
      while (p < eol && text.charCodeAt(p) === SP) p++;
      if (p === eol || text.charCodeAt(p) === HASH) {
        t.kind[i] = ITEM;
        t.valueKind[i] = V_EMPTY;
        emptyItem = col;
        continue;
      }
      if (text.charCodeAt(p) === DASH && (p + 1 === eol || text.charCodeAt(p + 1) === SP)) bail(); // `- - x`
    }
    const c = text.charCodeAt(p);
    // A key, or (after a dash) an item scalar.
    let keyEnd = -1;
    let quote = 0;
    let scalarEnd = -1;
    if (c === DQ || c === SQ) {
      quote = c === SQ ? 1 : 2;
      const qe = quoteEnd(text, p, eol);
      if (text.charCodeAt(qe) === COLON && (qe + 1 === eol || text.charCodeAt(qe + 1) === SP)) keyEnd = qe;
      else if (restIsEmpty(text, qe, eol)) scalarEnd = qe;
      else bail();
    } else if (c === 124 || c === 62 || c === 91 || c === 123) {
      if (!t.dash[i]) bail();
      keyEnd = -2; // `- |` or `- [..]`: a block scalar or flow collection item
    } else {
      if (badPlainStart(c) || (c === DASH && (p + 1 === eol || text.charCodeAt(p + 1) === SP))) bail();
      for (let k = p; k < eol; k++) {
        const ch = text.charCodeAt(k);
        if (ch === COLON && (k + 1 === eol || text.charCodeAt(k + 1) === SP)) {
          keyEnd = k;
          break;
        }
        if (ch === SP && text.charCodeAt(k + 1) === HASH) break;
      }
      if (keyEnd < 0) scalarEnd = plainEnd(text, p, eol);
      else if (text.charCodeAt(keyEnd - 1) === SP) bail(); // `key :`
    }
    let v: number;
    if (keyEnd === -2) {
      v = p;
      t.kind[i] = ITEM;
    } else if (keyEnd < 0) {
      if (!t.dash[i]) bail(); // a bare scalar line (root scalar or continuation)
      t.kind[i] = ITEM;
      t.valueKind[i] = V_SCALAR;
      t.valueStart[i] = p;
      t.valueEnd[i] = scalarEnd;
      t.tokenEnd[i] = scalarEnd;
      scalarOwner = col;
      continue;
    } else {
      t.kind[i] = KEY;
      t.keyCol[i] = p - ls;
      t.keyStart[i] = p;
      t.keyEnd[i] = keyEnd;
      t.keyQuote[i] = quote;
      t.tokenEnd[i] = keyEnd;
      if (!quote && text.startsWith('<<', p) && keyEnd === p + 2) bail(); // merge key
      owner = p - ls;
      v = keyEnd + 1;
      while (v < eol && text.charCodeAt(v) === SP) v++;
      if (v === eol || text.charCodeAt(v) === HASH) {
        t.valueKind[i] = V_EMPTY;
        continue;
      }
    }
    // A value on this line.
    const vc = text.charCodeAt(v);
    t.valueKind[i] = V_SCALAR;
    t.valueStart[i] = v;
    if (vc === DQ || vc === SQ) {
      const qe = quoteEnd(text, v, eol);
      if (!restIsEmpty(text, qe, eol)) bail();
      t.valueEnd[i] = qe;
      t.tokenEnd[i] = qe;
      scalarOwner = owner;
    } else if (vc === 91 || vc === 123) {
      const fe = flowEnd(text, v, eol);
      if (!restIsEmpty(text, fe, eol)) bail();
      t.valueKind[i] = V_FLOW;
      t.valueEnd[i] = fe;
      t.tokenEnd[i] = fe;
      scalarOwner = owner;
    } else if (vc === 124 || vc === 62) {
      // Only `|`, `|-`, `>`, `>-`; and the header must be the one the exact locator finds on the line.
      let h = v + 1;
      if (text.charCodeAt(h) === DASH) h++;
      if (!restIsEmpty(text, h, eol)) bail();
      for (let k = ls; k < v; k++) {
        const ch = text.charCodeAt(k);
        if ((ch === 124 || ch === 62) && (k === ls || ' \t:-'.includes(text[k - 1] as string))) bail();
      }
      blockLine = i;
      blockOwner = owner;
      blockIndent = -1;
    } else {
      if (badPlainStart(vc) || (vc === DASH && (v + 1 === eol || text.charCodeAt(v + 1) === SP))) bail();
      const e = plainEnd(text, v, eol);
      t.valueEnd[i] = e;
      t.tokenEnd[i] = e;
      scalarOwner = owner;
    }
  }
  if ((blockLine >= 0 && blockIndent < 0) || emptyItem >= 0) bail();
  linkSiblings(t);
  return t;
}

/** Fill `skip`: for each structural line, the next structural line at its indent or less. */
function linkSiblings(t: Table): void {
  const open: number[] = [];
  for (let j = 0; j < t.count; j++) {
    const k = t.kind[j];
    if (k !== KEY && k !== ITEM) continue;
    const ind = t.indent[j] as number;
    while (open.length > 0 && (t.indent[open[open.length - 1] as number] as number) >= ind) t.skip[open.pop() as number] = j;
    open.push(j);
  }
}

/** A block node: a mapping whose first key is on `line` at column `col`, or a sequence whose first dash is. */
interface Block {
  map: boolean;
  line: number;
  col: number;
}

/** Next structural (KEY/ITEM) line after i, or -1. */
function nextStructural(t: Table, i: number): number {
  for (let j = i + 1; j < t.count; j++) {
    const k = t.kind[j];
    if (k === KEY || k === ITEM) return j;
  }
  return -1;
}

/** First structural line after the first entry of mapping `m` that is not nested in that entry. */
function afterFirstEntry(t: Table, m: Block): number {
  let j = nextStructural(t, m.line);
  if (j < 0) return t.count;
  while (j < t.count && (t.indent[j] as number) > m.col) j = t.skip[j] as number;
  return j;
}

/**
 * Line of the key of mapping `m` that matches `token`, or -1. Entries are key lines at the
 * mapping's column (dash lines there are an indentless sequence value of the previous key).
 */
function findKey(t: Table, m: Block, token: string): number {
  let hit = keyMatches(t, m.line, token) ? m.line : -1;
  for (let j = afterFirstEntry(t, m); j < t.count; j = t.skip[j] as number) {
    const ind = t.indent[j] as number;
    if (ind < m.col) break;
    if (ind === m.col && !t.dash[j]) {
      if (t.kind[j] !== KEY) bail();
      if (keyMatches(t, j, token)) {
        if (hit >= 0) bail(); // duplicate: leave it to the exact locator
        hit = j;
      }
    }
  }
  return hit;
}

/** Last line (exclusive bound) of a block: the first structural line that is not inside it. */
function blockEnd(t: Table, b: Block): number {
  if (b.map) {
    let j = afterFirstEntry(t, b);
    while (j < t.count && (t.indent[j] as number) >= b.col) j = t.skip[j] as number;
    return j;
  }
  let j = t.skip[b.line] as number;
  while (j < t.count && t.indent[j] === b.col && t.dash[j]) j = t.skip[j] as number;
  return j;
}

function blockSpan(t: Table, b: Block): Span {
  const start = b.map && t.dash[b.line] ? (t.keyStart[b.line] as number) : (t.start[b.line] as number);
  const stop = blockEnd(t, b);
  for (let j = stop - 1; j >= b.line; j--) {
    const e = t.tokenEnd[j] as number;
    if (e >= 0) return { start, end: e };
  }
  return bail();
}

/** A block collection, or a leaf with a span: a scalar, or a flow collection (never walked into). */
type Node = { block: Block } | { scalar: Span; flow: boolean };

function nodeSpan(t: Table, node: Node): Span {
  return 'block' in node ? blockSpan(t, node.block) : node.scalar;
}

/** The block node starting on the structural line j (a dash: sequence; else a mapping). */
function blockAt(t: Table, j: number): Block {
  if (t.dash[j]) return { map: false, line: j, col: t.indent[j] as number };
  if (t.kind[j] !== KEY) bail();
  return { map: true, line: j, col: t.indent[j] as number };
}

/** Value of the entry on line i owned at column `col` (key column or dash column); undefined: null. */
function valueOf(t: Table, i: number, col: number, indentlessOk: boolean): Node | undefined {
  const kind = t.valueKind[i];
  if (kind !== V_EMPTY) {
    const end = t.valueEnd[i] as number;
    if (end < 0) bail();
    return { scalar: { start: t.valueStart[i] as number, end }, flow: kind === V_FLOW };
  }
  const j = nextStructural(t, i);
  if (j < 0) return undefined;
  const ind = t.indent[j] as number;
  if (ind > col) return { block: blockAt(t, j) };
  if (indentlessOk && ind === col && t.dash[j]) return { block: { map: false, line: j, col } };
  return undefined;
}

function keyText(t: Table, i: number): string {
  const s = t.keyStart[i] as number;
  const e = t.keyEnd[i] as number;
  const q = t.keyQuote[i];
  if (q === 0) return t.text.slice(s, e);
  const inner = t.text.slice(s + 1, e - 1);
  if (q === 1) return inner.replaceAll("''", "'");
  if (inner.includes('\\')) bail();
  return inner;
}

const MAYBE_NON_STRING = /^(?:[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|[-+]?[0-9.].*)$/;

/** First characters of plain scalars that may resolve to a non-string (y n t f o ~ digits + - .). */
function mayResolve(c: number): boolean {
  return c === 121 || c === 89 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || c === 111 || c === 79 || c === 126 || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

/** The key as the pointer sees it: plain keys are resolved like values (`yes` is "true"). */
function keyMatches(t: Table, i: number, token: string): boolean {
  const s = t.keyStart[i] as number;
  if (t.keyQuote[i] === 0 && !mayResolve(t.text.charCodeAt(s))) {
    // Hot path: compared in place, without slicing.
    return (t.keyEnd[i] as number) - s === token.length && t.text.startsWith(token, s);
  }
  const text = keyText(t, i);
  if (t.keyQuote[i] !== 0 || !MAYBE_NON_STRING.test(text)) return text === token;
  const r = resolvePlainScalar(text);
  return (r.kind === 'str' ? text : String(r.value)) === token;
}

function parentSpan(value: Span, key: Span | undefined): Span {
  if (!key) return value;
  return { start: Math.min(key.start, value.start), end: Math.max(key.end, value.end) };
}

/** `splitPointer`, without its two regex replacements per token when nothing is escaped (the common case). */
function tokensOf(pointer: string): string[] {
  if (pointer.includes('~')) return splitPointer(pointer);
  return pointer === '' || pointer === '/' ? [] : pointer.slice(1).split('/');
}

/**
 * Absolute span of `pointer` in the document text[from, to), exactly as `locateYaml` gives it, or
 * undefined when the document (or this lookup) is not plain enough to be sure.
 */
export function locateFast(owner: object, text: string, from: number, to: number, pointer: string): Span | undefined {
  if (!FAST_LOCATE_ENABLED) return undefined;
  const t = tableFor(owner, text, from, to);
  if (!t) return undefined;
  try {
    return walk(t, tokensOf(pointer));
  } catch (err) {
    if (err instanceof Ineligible) return undefined;
    throw err;
  }
}

function walk(t: Table, tokens: readonly string[]): Span | undefined {
  const first = nextStructural(t, -1);
  if (first < 0 || t.kind[first] !== KEY || t.dash[first]) return undefined; // root must be a block mapping
  let node: Node = { block: { map: true, line: first, col: t.indent[first] as number } };
  let key: Span | undefined;
  for (const token of tokens) {
    if (!('block' in node)) {
      if (node.flow) bail(); // inside a flow collection: the exact locator walks it
      return parentSpan(node.scalar, key);
    }
    const b: Block = node.block;
    let next: Node | undefined;
    let nextKey: Span | undefined;
    if (b.map) {
      const hit = findKey(t, b, token);
      if (hit >= 0) {
        const k: Span = { start: t.keyStart[hit] as number, end: t.keyEnd[hit] as number };
        next = valueOf(t, hit, t.keyCol[hit] as number, true);
        if (!next) return k; // a key with an empty (null) value resolves to the key
        nextKey = k;
      }
    } else if (/^(0|[1-9][0-9]*)$/.test(token)) {
      let j = b.line;
      for (let n = Number(token); n > 0 && j < t.count; n--) {
        j = t.skip[j] as number;
        if (j < t.count && (t.indent[j] !== b.col || !t.dash[j])) j = t.count;
      }
      if (j < t.count) {
        if (t.kind[j] === KEY) next = { block: { map: true, line: j, col: t.keyCol[j] as number } };
        else {
          next = valueOf(t, j, b.col, false);
          if (!next) bail(); // a null item: no span of its own
        }
      }
    }
    if (!next) return parentSpan(nodeSpan(t, node), key);
    node = next;
    key = nextKey;
  }
  return nodeSpan(t, node);
}
