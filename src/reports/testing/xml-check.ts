/**
 * A strict, minimal XML 1.0 well-formedness checker and tree builder for report tests: one root,
 * properly nested tags, quoted unique attributes, only the predefined and numeric entity
 * references, no raw `<` or `&`, no characters XML forbids. No DTDs, CDATA, or namespaces
 * (reports never emit them). Throws `XmlError` with the offset of the first problem.
 */

export class XmlError extends Error {
  override readonly name = 'XmlError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*/;
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, base: number): string {
  return raw.replace(/&([^;&<]*);|&/g, (m, ref: string | undefined, offset: number) => {
    if (ref === undefined) throw new XmlError('bare "&"', base + offset);
    if (ref in PREDEFINED) return PREDEFINED[ref]!;
    const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
    if (num) return String.fromCodePoint(num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]));
    throw new XmlError(`unknown entity &${ref};`, base + offset);
  });
}

export function parseXml(text: string): XmlElement {
  const bad = FORBIDDEN.exec(text);
  if (bad) throw new XmlError(`forbidden character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')}`, bad.index);
  let i = 0;
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) throw new XmlError('unterminated XML declaration', 0);
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;

  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const chunk = lt < 0 ? text.slice(i) : text.slice(i, lt);
    if (stack.length === 0) {
      if (chunk.trim() !== '') throw new XmlError('text outside the root element', i);
    } else {
      stack[stack.length - 1]!.text += decode(chunk, i);
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) throw new XmlError('unterminated comment', i);
      i = end + 3;
      continue;
    }
    if (text.startsWith('</', i)) {
      const m = NAME.exec(text.slice(i + 2));
      const open = stack.pop();
      if (!m || !open || open.name !== m[0]) throw new XmlError(`mismatched closing tag ${m?.[0] ?? '?'}`, i);
      i += 2 + m[0].length;
      while (/\s/.test(text[i] ?? '')) i++;
      if (text[i] !== '>') throw new XmlError('malformed closing tag', i);
      i++;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (!m) throw new XmlError('malformed tag', i);
    const el: XmlElement = { name: m[0], attrs: {}, children: [], text: '' };
    i += 1 + m[0].length;
    for (;;) {
      const ws = /^\s*/.exec(text.slice(i))![0].length;
      i += ws;
      if (text.startsWith('/>', i) || text[i] === '>') break;
      if (ws === 0) throw new XmlError('attributes must be separated by whitespace', i);
      const a = /^([A-Za-z_][A-Za-z0-9_.:-]*)\s*=\s*(["'])/.exec(text.slice(i));
      if (!a) throw new XmlError('malformed attribute', i);
      const quote = a[2]!;
      const start = i + a[0].length;
      const end = text.indexOf(quote, start);
      if (end < 0) throw new XmlError('unterminated attribute value', start);
      const raw = text.slice(start, end);
      if (raw.includes('<')) throw new XmlError('"<" in attribute value', start);
      if (a[1]! in el.attrs) throw new XmlError(`duplicate attribute ${a[1]}`, i);
      el.attrs[a[1]!] = decode(raw, start);
      i = end + 1;
    }
    const selfClosing = text.startsWith('/>', i);
    i += selfClosing ? 2 : 1;
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (root) throw new XmlError('more than one root element', i);
    else root = el;
    if (!selfClosing) stack.push(el);
  }
  if (stack.length > 0) throw new XmlError(`unclosed element ${stack[stack.length - 1]!.name}`, text.length);
  if (!root) throw new XmlError('no root element', 0);
  return root;
}
