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

const MARKER = /(?:^|(?<=[\r\n]))(---|\.\.\.)(?=[ \t\r\n]|$)/g;

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
  MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  let open = false; // current span contains a `---`
  while ((m = MARKER.exec(text)) !== null) {
    if (m[1] === '---') {
      // Ends the open document; comment/directive-only text before the marker stays attached.
      emit(m.index, open);
      open = true;
    } else {
      const end = lineEnd(text, m.index);
      const before = spans.length;
      emit(end, open);
      if (spans.length === before) {
        // a stray `...` (no document open): drop it with any prefix before it
        cur = end;
        curLine = lineOf(end);
      }
      open = false;
      MARKER.lastIndex = end;
    }
  }
  emit(text.length, open);
  return spans;
}
