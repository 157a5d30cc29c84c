/**
 * Split a YAML stream into its documents WITHOUT parsing them, so each document's offset and line
 * are known and each can be parsed (and, lazily, located) on its own.
 *
 * Per YAML 1.2 (c-forbidden), a `---` or `...` at the very start of a line followed by a space, tab
 * or line break is always a document marker, even inside block or quoted scalars, so splitting on
 * those lines is exact.
 */
import { countLines } from './lines.js';

export interface DocumentSpan {
  /** Offsets into the text: [start, end). */
  start: number;
  end: number;
  /** 1-based line of `start`. */
  line: number;
}

/** Is text[i, i+3) a marker: at a line start and followed by whitespace or the end? */
function isMarkerAt(text: string, i: number): boolean {
  if (i > 0) {
    const p = text.charCodeAt(i - 1);
    if (p !== 10 && p !== 13) return false;
  }
  const n = text.charCodeAt(i + 3);
  return Number.isNaN(n) || n === 32 || n === 9 || n === 10 || n === 13;
}

/** Next marker at or after `from`: [offset, '---' | '...'] (two indexOf cursors, no regex). */
class MarkerScanner {
  private dash: number;
  private dots: number;
  constructor(private readonly text: string) {
    this.dash = text.indexOf('---');
    this.dots = text.indexOf('...');
  }
  next(from: number): [number, '---' | '...'] | undefined {
    const t = this.text;
    while (this.dash >= 0 && (this.dash < from || !isMarkerAt(t, this.dash))) this.dash = t.indexOf('---', Math.max(from, this.dash + 1));
    while (this.dots >= 0 && (this.dots < from || !isMarkerAt(t, this.dots))) this.dots = t.indexOf('...', Math.max(from, this.dots + 1));
    if (this.dash < 0 && this.dots < 0) return undefined;
    if (this.dots < 0 || (this.dash >= 0 && this.dash < this.dots)) return [this.dash, '---'];
    return [this.dots, '...'];
  }
}

/** True when text[from, to) holds only blank lines, comments, directives and `...` markers. */
function isPrefixOnly(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    let j = i;
    while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const c = text.charCodeAt(j);
    const blank = j >= to || c === 10 || c === 13 || c === 35; /* # */
    const directive = j === i && c === 37; /* % */
    const end = j === i && text.startsWith('...', j);
    if (!blank && !directive && !end) return false;
    // next line
    let k = j;
    while (k < to && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
    if (text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) === 10) k++;
    i = k + 1;
  }
  return true;
}

function lineEnd(text: string, from: number): number {
  let k = from;
  while (k < text.length && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
  if (text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) === 10) k++;
  return Math.min(k + 1, text.length);
}

/**
 * Document spans of a YAML stream. Comment/directive-only text before a `---` belongs to the
 * following document; comment-only text at the end is not a document.
 */
export function splitDocuments(text: string): DocumentSpan[] {
  const spans: DocumentSpan[] = [];
  let cur = 0;
  let curLine = 1;
  // Incremental line counting: offsets only grow, so the whole text is scanned once.
  let lineAt = 0;
  let lineNo = 1;
  const lineOf = (offset: number): number => {
    lineNo += countLines(text, lineAt, offset);
    lineAt = offset;
    return lineNo;
  };
  const emit = (end: number, explicit: boolean): void => {
    if (end <= cur) return;
    if (explicit || !isPrefixOnly(text, cur, end)) {
      spans.push({ start: cur, end, line: curLine });
      cur = end;
      curLine = lineOf(end);
    }
  };
  const markers = new MarkerScanner(text);
  let open = false; // current span contains a `---`
  let from = 0;
  for (let m = markers.next(0); m !== undefined; m = markers.next(from)) {
    const [at, kind] = m;
    from = at + 3;
    if (kind === '---') {
      // Ends the open document; comment/directive-only text before the marker stays attached.
      emit(at, open);
      open = true;
    } else {
      const end = lineEnd(text, at);
      const before = spans.length;
      emit(end, open);
      if (spans.length === before) {
        // a stray `...` (no document open): drop it with any prefix before it
        cur = end;
        curLine = lineOf(end);
      }
      open = false;
      from = end;
    }
  }
  emit(text.length, open);
  return spans;
}
