/** Message helpers that reproduce upstream's formatting byte for byte. */

/** `"a", "b"`; empty string for no items (upstream `joinQuote`). */
export function joinQuote(items: readonly string[]): string {
  if (items.length === 0) return '';
  return `"${items.join('", "')}"`;
}

export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/** Sorted, de-duplicated copy (upstream `sets.List`): byte order, which for JS strings is code-unit order. */
export function sortedSet(values: ReadonlySet<string> | readonly string[]): string[] {
  const list = values instanceof Set ? Array.from(values) : Array.from(new Set(values));
  if (list.length < 2) return list;
  // Default sort compares UTF-16 code units, which matches Go's UTF-8 byte order except between
  // astral and U+E000..U+FFFF characters; it is also faster than a comparator.
  return list.sort();
}

export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

/**
 * Go's `%q` for a string (strconv.Quote): printable characters stay, the usual escapes apply, other
 * control characters become `\xNN` / `\uNNNN`. Used where upstream formats annotation values with %q.
 */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if ((cp >= 0x80 && cp < 0xa0) || cp === 0xad || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}
