import type { JsonPointer } from './types.js';

export function escapeToken(token: string | number): string {
  if (typeof token === 'number') return String(token);
  // Almost no token needs escaping: skip the two regex passes (hot in every control).
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: JsonPointer, ...tokens: (string | number)[]): JsonPointer {
  let out = base;
  for (const t of tokens) out += '/' + escapeToken(t);
  return out;
}

export function splitPointer(pointer: JsonPointer): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.slice(1).split('/').map(unescapeToken);
}

/** Value at a pointer, or undefined. */
export function getAtPointer(root: unknown, pointer: JsonPointer): unknown {
  let cur: unknown = root;
  for (const token of splitPointer(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(token)];
    else if (cur !== null && typeof cur === 'object') cur = (cur as Record<string, unknown>)[token];
    else return undefined;
  }
  return cur;
}
