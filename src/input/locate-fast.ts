/**
 * Fast exact positions for plain block-style YAML (what Kubernetes manifests almost always are):
 * a line/indentation scanner instead of a js-yaml re-parse. It gives EXACTLY the answer of the
 * event-based locator (`locate-yaml.ts`) or none at all: one linear pass classifies every line of
 * the document with a deliberately small grammar (block mappings and sequences, single-line plain
 * and quoted scalars, `|`/`>` block scalars) and anything outside it (flow collections, anchors,
 * aliases, tags, merge keys, complex keys, multi-line flow scalars, tabs, directives, lone CRs,
 * a BOM) makes the whole document ineligible, so the caller falls back to the exact locator.
 * Classifying the whole document, not just the walked path, is what makes the structural lines
 * trustworthy: a line that looks like `key:` can never be the inside of a multi-line scalar.
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

interface Table {
  text: string;
  kind: Uint8Array;
  /** Column of the line's first token (the dash of a dash line). */
  indent: Int32Array;
  /** Dash lines: 1. */
  dash: Uint8Array;
  /** Offset of the dash (dash lines) or the key (key lines). */
  start: Int32Array;
  /** KEY lines: the key's column, its span (quotes included) and quote style (0 plain, 1 ', 2 "). */
  keyCol: Int32Array;
  keyStart: Int32Array;
  keyEnd: Int32Array;
  keyQuote: Uint8Array;
  valueKind: Uint8Array;
  valueStart: Int32Array;
  valueEnd: Int32Array;
  /** End offset of the last token on the line (-1: none), for collection ends. */
  tokenEnd: Int32Array;
  count: number;
}

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
  const t: Table = {
    text,
    kind: new Uint8Array(n),
    indent: new Int32Array(n),
    dash: new Uint8Array(n),
    start: new Int32Array(n),
    keyCol: new Int32Array(n),
    keyStart: new Int32Array(n),
    keyEnd: new Int32Array(n),
    keyQuote: new Uint8Array(n),
    valueKind: new Uint8Array(n),
    valueStart: new Int32Array(n),
    valueEnd: new Int32Array(n).fill(-1),
    tokenEnd: new Int32Array(n).fill(-1),
    count: n,
  };
  let seenContent = false;
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
    } else if (c === 124 || c === 62) {
      if (!t.dash[i]) bail();
      keyEnd = -2; // `- |`: a block scalar item
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
  if (blockLine >= 0 && blockIndent < 0) bail();
  return t;
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

/** Is the entry at (line, col) in mapping `m`? First line: its own key; then key lines at col. */
function* mapEntries(t: Table, m: Block): Generator<number> {
  yield m.line;
  for (let j = m.line + 1; j < t.count; j++) {
    const k = t.kind[j];
    if (k !== KEY && k !== ITEM) continue;
    const ind = t.indent[j] as number;
    if (ind < m.col) return;
    if (ind === m.col && !t.dash[j]) {
      if (k !== KEY) bail();
      yield j;
    }
  }
}

/** Last line (exclusive bound) of a block: the first structural line that is not inside it. */
function blockEnd(t: Table, b: Block): number {
  for (let j = b.line + 1; j < t.count; j++) {
    const k = t.kind[j];
    if (k !== KEY && k !== ITEM) continue;
    const ind = t.indent[j] as number;
    if (ind < b.col || (!b.map && ind === b.col && !t.dash[j])) return j;
  }
  return t.count;
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

type Node = { block: Block } | { scalar: Span };

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
  if (t.valueKind[i] === V_SCALAR) {
    const end = t.valueEnd[i] as number;
    if (end < 0) bail();
    return { scalar: { start: t.valueStart[i] as number, end } };
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

/** The key as the pointer sees it: plain keys are resolved like values (`yes` is "true"). */
function keyMatches(t: Table, i: number, token: string): boolean {
  const text = keyText(t, i);
  if (t.keyQuote[i] !== 0 || !MAYBE_NON_STRING.test(text)) return text === token;
  const r = resolvePlainScalar(text);
  return (r.kind === 'str' ? text : String(r.value)) === token;
}

function parentSpan(value: Span, key: Span | undefined): Span {
  if (!key) return value;
  return { start: Math.min(key.start, value.start), end: Math.max(key.end, value.end) };
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
    return walk(t, splitPointer(pointer));
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
    if (!('block' in node)) return parentSpan(node.scalar, key);
    const b: Block = node.block;
    let next: Node | undefined;
    let nextKey: Span | undefined;
    if (b.map) {
      let hit = -1;
      for (const j of mapEntries(t, b)) {
        if (keyMatches(t, j, token)) {
          if (hit >= 0) bail(); // duplicate: leave it to the exact locator
          hit = j;
        }
      }
      if (hit >= 0) {
        const k: Span = { start: t.keyStart[hit] as number, end: t.keyEnd[hit] as number };
        next = valueOf(t, hit, t.keyCol[hit] as number, true);
        if (!next) return k; // a key with an empty (null) value resolves to the key
        nextKey = k;
      }
    } else if (/^(0|[1-9][0-9]*)$/.test(token)) {
      let n = Number(token);
      const stop = blockEnd(t, b);
      for (let j = b.line; j < stop; j++) {
        if (!t.dash[j] || t.indent[j] !== b.col || (t.kind[j] !== KEY && t.kind[j] !== ITEM)) continue;
        if (n-- > 0) continue;
        if (t.kind[j] === KEY) next = { block: { map: true, line: j, col: t.keyCol[j] as number } };
        else {
          next = valueOf(t, j, b.col, false);
          if (!next) bail(); // a null item: no span of its own
        }
        break;
      }
    }
    if (!next) return parentSpan(nodeSpan(t, node), key);
    node = next;
    key = nextKey;
  }
  return nodeSpan(t, node);
}
