/** IPv4/IPv6 addresses and CIDRs as bigint intervals, so containment and `except` are exact. */
import { isIPv4, isIPv6 } from 'node:net';

export type Family = 4 | 6;

/** A closed interval of addresses of one family. */
export interface IpRange {
  family: Family;
  start: bigint;
  end: bigint;
}

export class IpParseError extends Error {
  override readonly name = 'IpParseError';
}

const V4_MAX = (1n << 32n) - 1n;
const V6_MAX = (1n << 128n) - 1n;

export function familyMax(f: Family): bigint {
  return f === 4 ? V4_MAX : V6_MAX;
}

function parseV4(s: string): bigint {
  let v = 0n;
  for (const part of s.split('.')) v = (v << 8n) | BigInt(Number(part));
  return v;
}

function parseV6(s: string): bigint {
  let text = s;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tailV4 = parseV4(text.slice(lastColon + 1));
    text = text.slice(0, lastColon + 1) + '0:0';
  }
  const [head = '', tail] = text.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  let v = 0n;
  for (const g of groups) v = (v << 16n) | BigInt(parseInt(g, 16));
  if (tailV4 !== undefined) v = (v & ~0xffffffffn) | tailV4;
  return v;
}

/** Parse an address (`10.0.0.1`, `fd00::1`) or a CIDR (`10.0.0.0/8`). Host bits are ignored, as the API server's validation would reject them. */
export function parseCidr(text: string): IpRange {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const addr = slash < 0 ? trimmed : trimmed.slice(0, slash);
  const family: Family | undefined = isIPv4(addr) ? 4 : isIPv6(addr) ? 6 : undefined;
  if (family === undefined) throw new IpParseError(`not an IP address or CIDR: "${text}"`);
  const bits = family === 4 ? 32 : 128;
  let prefix = bits;
  if (slash >= 0) {
    const p = trimmed.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p) || Number(p) > bits) throw new IpParseError(`bad prefix length in "${text}"`);
    prefix = Number(p);
  }
  const value = family === 4 ? parseV4(addr) : parseV6(addr);
  const hostBits = BigInt(bits - prefix);
  const start = (value >> hostBits) << hostBits;
  const end = start + (1n << hostBits) - 1n;
  return { family, start, end };
}

export function isIpOrCidr(text: string): boolean {
  try {
    parseCidr(text);
    return true;
  } catch {
    return false;
  }
}

export function rangeContains(outer: IpRange, inner: IpRange): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

function formatV4(v: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn)).join('.');
}

function formatV6(v: bigint): string {
  const groups: number[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(Number((v >> s) & 0xffffn));
  // Compress the longest run of zero groups (RFC 5952).
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export function formatAddress(family: Family, v: bigint): string {
  return family === 4 ? formatV4(v) : formatV6(v);
}

/** The minimal list of CIDRs covering exactly the range. */
export function rangeToCidrs(r: IpRange): string[] {
  const bits = r.family === 4 ? 32n : 128n;
  const out: string[] = [];
  let cur = r.start;
  while (cur <= r.end) {
    let size = 0n;
    // Grow the block while it stays aligned and inside the range.
    while (size < bits) {
      const next = size + 1n;
      const mask = (1n << next) - 1n;
      if ((cur & mask) !== 0n || cur + mask > r.end) break;
      size = next;
    }
    out.push(`${formatAddress(r.family, cur)}/${bits - size}`);
    cur += 1n << size;
  }
  return out;
}

export const ALL_V4: IpRange = { family: 4, start: 0n, end: V4_MAX };
export const ALL_V6: IpRange = { family: 6, start: 0n, end: V6_MAX };

/** An ipBlock: a CIDR minus its exceptions. */
export interface IpBlock {
  cidr: IpRange;
  except: IpRange[];
}

/** Does the block hold every address of `r` (the whole range, not just part of it)? */
export function blockContains(block: IpBlock, r: IpRange): boolean {
  return rangeContains(block.cidr, r) && !block.except.some((e) => rangesOverlap(e, r));
}
