/**
 * Lazy exact positions for a JSON document: a small scanner walks the text along a JSON Pointer,
 * skipping everything else, so nothing but the path is materialised. Like JSON.parse, the last of
 * duplicate keys wins.
 */
import { splitPointer } from '../model/pointer.js';
import type { Span } from './locate-yaml.js';

class Scanner {
  constructor(
    readonly s: string,
    public i: number,
  ) {}

  ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  /** Skip a string starting at the quote; returns the index after the closing quote. */
  string(): number {
    const s = this.s;
    let k = this.i + 1;
    while (k < s.length) {
      const c = s.charCodeAt(k);
      if (c === 92) k += 2;
      else if (c === 34) return (this.i = k + 1);
      else k++;
    }
    return (this.i = s.length);
  }

  /** Skip one value; returns its span. */
  value(): Span {
    this.ws();
    const s = this.s;
    const start = this.i;
    const c = s[this.i];
    if (c === '"') {
      this.string();
    } else if (c === '{' || c === '[') {
      let depth = 0;
      while (this.i < s.length) {
        const d = s[this.i];
        if (d === '"') {
          this.string();
          continue;
        }
        if (d === '{' || d === '[') depth++;
        else if (d === '}' || d === ']') {
          depth--;
          if (depth === 0) {
            this.i++;
            break;
          }
        }
        this.i++;
      }
    } else {
      while (this.i < s.length && !/[\s,\]}]/.test(s[this.i] as string)) this.i++;
    }
    return { start, end: this.i };
  }
}

function decodeKey(raw: string): string {
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

/** Span of the value at `pointer` in JSON `text`; a missing field resolves to its nearest ancestor. */
export function locateJson(text: string, pointer: string, from = 0): Span | undefined {
  const sc = new Scanner(text, from);
  sc.ws();
  let span: Span = { start: sc.i, end: sc.i };
  const root = sc.value();
  span = root;
  let keyStart: number | undefined; // where the current value's key starts, for a missing child
  for (const token of splitPointer(pointer)) {
    const open = text[span.start];
    sc.i = span.start + 1;
    let next: Span | undefined;
    let nextKey: number | undefined;
    if (open === '{') {
      for (;;) {
        sc.ws();
        if (text[sc.i] !== '"') break;
        const ks = sc.i;
        const key = decodeKey(text.slice(ks, sc.string()));
        sc.ws();
        sc.i++; // ':'
        const v = sc.value();
        if (key === token) {
          next = v; // keep scanning: the last duplicate wins, as in JSON.parse
          nextKey = ks;
        }
        sc.ws();
        if (text[sc.i] !== ',') break;
        sc.i++;
      }
    } else if (open === '[' && /^(0|[1-9][0-9]*)$/.test(token)) {
      let n = Number(token);
      sc.ws();
      while (text[sc.i] !== ']' && sc.i < text.length) {
        const v = sc.value();
        if (n-- === 0) {
          next = v;
          break;
        }
        sc.ws();
        if (text[sc.i] !== ',') break;
        sc.i++;
        sc.ws();
      }
    }
    if (!next) {
      // Missing: the nearest existing ancestor, from its key when it has one.
      if (keyStart !== undefined) span = { start: keyStart, end: span.end };
      break;
    }
    span = next;
    keyStart = nextKey;
  }
  return span.end > span.start ? span : undefined;
}
