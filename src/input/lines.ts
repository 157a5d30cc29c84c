/** Any CR in text[from, to)? Bounded to the slice (indexOf alone would scan to the end). */
function hasCR(text: string, from: number, to: number): boolean {
  return text.slice(from, to).includes('\r');
}

/** Offset -> 1-based line/column over a slice of a text. YAML line breaks are LF, CRLF and lone CR. */
export class LineIndex {
  /** Offsets (absolute, into `text`) at which each line of the slice starts. */
  private readonly starts: number[];

  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly to: number,
    /** Line number (1-based) of the line starting at `from`. */
    private readonly firstLine: number,
  ) {
    const starts = [from];
    if (!hasCR(text, from, to)) {
      // LF only (the common case): native indexOf instead of a per-character loop.
      for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** Position of an absolute offset (clamped into the slice). Column is 1-based, in UTF-16 code units. */
  position(offset: number): { line: number; column: number } {
    const o = Math.min(Math.max(offset, this.from), this.to);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: this.firstLine + lo, column: o - (this.starts[lo] as number) + 1 };
  }
}

/** Number of line breaks in text[from, to). */
export function countLines(text: string, from: number, to: number): number {
  let n = 0;
  if (!hasCR(text, from, to)) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
    return n;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}
