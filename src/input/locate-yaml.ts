/**
 * Lazy exact positions for a YAML document: re-parse ONE document into js-yaml's flat event
 * stream (offsets into the source, no AST) only when a position is asked for, then walk the
 * events along a JSON Pointer. Parsed documents are kept in a small LRU cache, because a
 * resource's findings are usually located together.
 */
import { EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE, getScalarValue, parseEvents } from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import { splitPointer } from '../model/pointer.js';
import { resolvePlainScalar } from './schema.js';

/** Offsets [start, end) into the parsed source. */
export interface Span {
  start: number;
  end: number;
}

interface Parsed {
  src: string;
  events: Event[];
  /** For each event index, the index just past that node (its subtree): O(1) sibling skips. */
  next: Int32Array;
  /** Anchor name -> indexes of the events carrying it, ascending (names may be redefined). */
  anchors: Map<string, number[]>;
  /** Index of each DOCUMENT event (a stream may hold several documents). */
  documents: number[];
}

const CACHE_SIZE = 256;
const cache = new Map<object, Parsed>();

/** Documents that js-yaml's tokenizer refused (JSON with tabs): do not retry on every call. */
const unparseable = new WeakSet<object>();

function parsedFor(owner: object, source: () => string): Parsed | undefined {
  const hit = cache.get(owner);
  if (hit) {
    cache.delete(owner);
    cache.set(owner, hit);
    return hit;
  }
  if (unparseable.has(owner)) return undefined;
  const src = source();
  let events: Event[];
  try {
    events = parseEvents(src, { maxDepth: 10_000 });
  } catch {
    unparseable.add(owner);
    return undefined; // not YAML-tokenizable (the caller may have another way, e.g. JSON)
  }
  const anchors = new Map<string, number[]>();
  const documents: number[] = [];
  events.forEach((e, i) => {
    if (e.type === EVENT_ID.DOCUMENT) documents.push(i);
    else if (e.type !== EVENT_ID.ALIAS && e.type !== EVENT_ID.POP && e.anchorStart >= 0) {
      const name = src.slice(e.anchorStart, e.anchorEnd);
      const list = anchors.get(name);
      if (list) list.push(i);
      else anchors.set(name, [i]);
    }
  });
  const parsed: Parsed = { src, events, anchors, documents, next: subtreeEnds(events) };
  cache.set(owner, parsed);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as object);
  return parsed;
}

/** Index just past each node's subtree, in one pass with a stack of open collections. */
function subtreeEnds(events: readonly Event[]): Int32Array {
  const next = new Int32Array(events.length + 1);
  const open: number[] = [];
  for (let j = 0; j < events.length; j++) {
    const t = (events[j] as Event).type;
    next[j] = j + 1;
    if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE) open.push(j);
    else if (t === EVENT_ID.POP && open.length > 0) next[open.pop() as number] = j + 1; // a document's POP finds the stack empty
  }
  for (const j of open) next[j] = events.length;
  next[events.length] = events.length + 1;
  return next;
}

/** Index just past the node that starts at event i. */
function skip(p: Parsed, i: number): number {
  return p.next[i] ?? i + 1;
}

function isEmptyScalar(e: Event): boolean {
  return e.type === EVENT_ID.SCALAR && e.valueStart < 0 && e.tagStart < 0 && e.anchorStart < 0;
}

/** Start of a block scalar's `|`/`>` header, found on the line before its content. */
function blockHeaderStart(src: string, contentStart: number): number {
  let le = contentStart - 1;
  if (src.charCodeAt(le) === 10) le--;
  if (src.charCodeAt(le) === 13) le--;
  let ls = le;
  while (ls > 0 && src.charCodeAt(ls - 1) !== 10 && src.charCodeAt(ls - 1) !== 13) ls--;
  for (let p = ls; p <= le; p++) {
    const c = src[p];
    if ((c === '|' || c === '>') && (p === ls || src[p - 1] === ' ' || src[p - 1] === '\t' || src[p - 1] === ':' || src[p - 1] === '-')) return p;
  }
  return contentStart;
}

function propsStart(e: { anchorStart: number; tagStart: number }, start: number): number {
  let s = start;
  if (e.anchorStart >= 0) s = Math.min(s, e.anchorStart - 1); // include `&`
  if (e.tagStart >= 0) s = Math.min(s, e.tagStart);
  return s;
}

function scalarSpan(src: string, e: ScalarEvent): Span | undefined {
  if (e.valueStart < 0) {
    if (e.tagStart >= 0 || e.anchorStart >= 0) {
      const start = propsStart(e, Number.MAX_SAFE_INTEGER);
      const end = Math.max(e.tagEnd, e.anchorEnd);
      return { start, end };
    }
    return undefined;
  }
  let start = e.valueStart;
  let end = e.valueEnd;
  if (e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED) {
    start--;
    end++;
  } else if (e.style === SCALAR_STYLE.LITERAL_BLOCK || e.style === SCALAR_STYLE.FOLDED_BLOCK) {
    start = blockHeaderStart(src, e.valueStart);
    // Trailing line break(s) belong to the scalar's value but not to what an editor highlights.
    while (end > start && (src.charCodeAt(end - 1) === 10 || src.charCodeAt(end - 1) === 13)) end--;
  }
  return { start: propsStart(e, start), end };
}

/** Source span of the node starting at event i. */
function nodeSpan(p: Parsed, i: number): Span | undefined {
  const { src, events } = p;
  const e = events[i];
  if (!e) return undefined;
  if (e.type === EVENT_ID.SCALAR) return scalarSpan(src, e);
  if (e.type === EVENT_ID.ALIAS) return { start: e.anchorStart - 1, end: e.anchorEnd };
  if (e.type !== EVENT_ID.MAPPING && e.type !== EVENT_ID.SEQUENCE) return undefined;
  const start = propsStart(e, e.start);
  let end = e.start;
  const stop = skip(p, i) - 1; // the closing POP
  for (let j = i + 1; j < stop; j = skip(p, j)) {
    const s = nodeSpan(p, j);
    if (s && s.end > end) end = s.end;
  }
  if (e.style === COLLECTION_STYLE.FLOW) {
    // Extend over the closing bracket (skipping separators and comments).
    const close = e.type === EVENT_ID.MAPPING ? '}' : ']';
    let k = end === e.start ? e.start + 1 : end;
    let depth = 0;
    while (k < src.length) {
      const c = src[k];
      if (c === '#') {
        while (k < src.length && src[k] !== '\n') k++;
        continue;
      }
      if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        if (depth === 0) {
          if (c === close) end = k + 1;
          break;
        }
        depth--;
      }
      k++;
    }
  }
  if (end <= start) end = start + 1;
  return { start, end };
}

/** Plain scalars that YAML 1.1 resolves to something other than a string (cheap pre-filter). */
const MAYBE_NON_STRING = /^(?:[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|[-+]?[0-9.].*)$/;

/** First characters of plain scalars that may resolve to a non-string (see MAYBE_NON_STRING). */
function mayResolve(c: number): boolean {
  // y Y n N t T f F o O ~ 0-9 + - .
  return c === 121 || c === 89 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || c === 111 || c === 79 || c === 126 || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

function keyMatches(p: Parsed, i: number, token: string): boolean {
  const e = p.events[i];
  if (!e || e.type !== EVENT_ID.SCALAR) return false;
  // Hot path: a key whose source text is its value is compared in place, without slicing.
  if (e.fast && e.valueStart >= 0 && !(e.style === SCALAR_STYLE.PLAIN && mayResolve(p.src.charCodeAt(e.valueStart)))) {
    return e.valueEnd - e.valueStart === token.length && p.src.startsWith(token, e.valueStart);
  }
  const text = e.valueStart < 0 ? '' : getScalarValue(p.src, e);
  if (text === token) return e.style !== SCALAR_STYLE.PLAIN || !MAYBE_NON_STRING.test(text) || resolvePlain(text) === token;
  // Plain keys are resolved like values: `yes:` is the key "true", `0644:` is "420".
  if (e.style === SCALAR_STYLE.PLAIN && (text === '' || MAYBE_NON_STRING.test(text))) return resolvePlain(text) === token;
  return false;
}

function resolvePlain(text: string): string {
  const r = resolvePlainScalar(text);
  return r.kind === 'str' ? text : String(r.value);
}

function isMergeKey(p: Parsed, i: number): boolean {
  const e = p.events[i];
  return e !== undefined && e.type === EVENT_ID.SCALAR && e.style === SCALAR_STYLE.PLAIN && e.valueStart >= 0 && p.src.slice(e.valueStart, e.valueEnd) === '<<';
}

function deref(p: Parsed, i: number, hops = 0): number | undefined {
  const e = p.events[i];
  if (e?.type !== EVENT_ID.ALIAS) return i;
  if (hops > 64) return undefined;
  // An alias refers to the latest node with that anchor before it.
  const list = p.anchors.get(p.src.slice(e.anchorStart, e.anchorEnd)) ?? [];
  let target: number | undefined;
  for (const a of list) if (a < i) target = a;
  return target === undefined ? undefined : deref(p, target, hops + 1);
}

/** Key and value event indexes of `token` in the mapping at i, own keys first, then `<<` merges. */
function findInMapping(p: Parsed, i: number, token: string, depth = 0): { key: number; value: number } | undefined {
  const { events } = p;
  const merges: number[] = [];
  let found: { key: number; value: number } | undefined;
  let j = i + 1;
  while (j < events.length && (events[j] as Event).type !== EVENT_ID.POP) {
    const key = j;
    const value = skip(p, key);
    if (keyMatches(p, key, token)) found = { key, value };
    else if (isMergeKey(p, key)) merges.push(value);
    j = skip(p, value);
  }
  if (found || depth > 16) return found;
  for (const m of merges) {
    const target = deref(p, m);
    if (target === undefined) continue;
    const t = events[target];
    const sources: number[] = [];
    if (t?.type === EVENT_ID.MAPPING) sources.push(target);
    else if (t?.type === EVENT_ID.SEQUENCE) {
      for (let k = target + 1; k < events.length && (events[k] as Event).type !== EVENT_ID.POP; k = skip(p, k)) {
        const s = deref(p, k);
        if (s !== undefined && events[s]?.type === EVENT_ID.MAPPING) sources.push(s);
      }
    }
    for (const s of sources) {
      const hit = findInMapping(p, s, token, depth + 1);
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * Span of the value at `pointer` in the single-document YAML `src`. A missing field resolves to
 * its nearest existing ancestor; a key with an empty (null) value resolves to the key.
 */
export function locateYaml(owner: object, src: () => string, pointer: string, documentIndex = 0): Span | undefined {
  const p = parsedFor(owner, src);
  if (!p) return undefined;
  const { events } = p;
  const doc = p.documents[documentIndex];
  if (doc === undefined) return undefined;
  let i = doc;
  while (i < events.length && (events[i] as Event).type === EVENT_ID.DOCUMENT) i++;
  if (i >= events.length || (events[i] as Event).type === EVENT_ID.POP) return undefined;
  let shown = i; // the node whose span is reported (an alias stays an alias)
  let shownKey: number | undefined; // its key, when it is a mapping value
  for (const token of splitPointer(pointer)) {
    const node = deref(p, i);
    if (node === undefined) return parentSpan(p, shown, shownKey);
    const e = events[node] as Event;
    let next: number | undefined;
    let nextKey: number | undefined;
    if (e.type === EVENT_ID.MAPPING) {
      const hit = findInMapping(p, node, token);
      if (hit && isEmptyScalar(events[hit.value] as Event)) return nodeSpan(p, hit.key);
      next = hit?.value;
      nextKey = hit?.key;
    } else if (e.type === EVENT_ID.SEQUENCE && /^(0|[1-9][0-9]*)$/.test(token)) {
      let n = Number(token);
      let k = node + 1;
      while (k < events.length && (events[k] as Event).type !== EVENT_ID.POP) {
        if (n-- === 0) {
          next = k;
          break;
        }
        k = skip(p, k);
      }
    }
    if (next === undefined) return parentSpan(p, shown, shownKey);
    i = next;
    shown = next;
    shownKey = nextKey;
  }
  return nodeSpan(p, shown);
}

/**
 * Span reported for a missing field: its nearest existing ancestor, from that ancestor's key when
 * it has one (`securityContext:` rather than its first child), so the finding's line is the line
 * that names the parent.
 */
function parentSpan(p: Parsed, node: number, key: number | undefined): Span | undefined {
  const value = nodeSpan(p, node);
  if (key === undefined) return value;
  const k = nodeSpan(p, key);
  if (!k || !value) return value ?? k;
  return { start: Math.min(k.start, value.start), end: Math.max(k.end, value.end) };
}
