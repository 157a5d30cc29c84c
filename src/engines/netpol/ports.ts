/**
 * Port sets as sorted, disjoint, non-adjacent closed intervals per protocol. Every operation is
 * linear in the number of intervals, so "all ports but 8080" costs two intervals, not 65,534 ports.
 */

export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;
export type Protocol = (typeof PROTOCOLS)[number];
export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export function isProtocol(v: unknown): v is Protocol {
  return typeof v === 'string' && (PROTOCOLS as readonly string[]).includes(v);
}

/** Flattened [lo0, hi0, lo1, hi1, ...], sorted, disjoint and non-adjacent. */
type Ranges = readonly number[];

const EMPTY_RANGES: Ranges = Object.freeze([]);
const FULL_RANGES: Ranges = Object.freeze([MIN_PORT, MAX_PORT]);

function unionRanges(a: Ranges, b: Ranges): Ranges {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let lo: number;
    let hi: number;
    if (j >= b.length || (i < a.length && a[i]! <= b[j]!)) {
      lo = a[i]!;
      hi = a[i + 1]!;
      i += 2;
    } else {
      lo = b[j]!;
      hi = b[j + 1]!;
      j += 2;
    }
    const n = out.length;
    if (n > 0 && lo <= out[n - 1]! + 1) {
      if (hi > out[n - 1]!) out[n - 1] = hi;
    } else {
      out.push(lo, hi);
    }
  }
  return out;
}

function intersectRanges(a: Ranges, b: Ranges): Ranges {
  if (a.length === 0 || b.length === 0) return EMPTY_RANGES;
  if (a === FULL_RANGES) return b;
  if (b === FULL_RANGES) return a;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]!, b[j]!);
    const hi = Math.min(a[i + 1]!, b[j + 1]!);
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

function complementRanges(a: Ranges): Ranges {
  if (a.length === 0) return FULL_RANGES;
  const out: number[] = [];
  let next = MIN_PORT;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i]! > next) out.push(next, a[i]! - 1);
    next = a[i + 1]! + 1;
  }
  if (next <= MAX_PORT) out.push(next, MAX_PORT);
  return out;
}

function rangesEqual(a: Ranges, b: Ranges): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function rangesHas(a: Ranges, port: number): boolean {
  for (let i = 0; i < a.length; i += 2) {
    if (port < a[i]!) return false;
    if (port <= a[i + 1]!) return true;
  }
  return false;
}

function formatRanges(a: Ranges): string {
  const parts: string[] = [];
  for (let i = 0; i < a.length; i += 2) parts.push(a[i] === a[i + 1] ? String(a[i]) : `${a[i]}-${a[i + 1]}`);
  return parts.join(',');
}

/** An immutable set of (protocol, port) pairs. */
export class PortSet {
  private constructor(
    readonly tcp: Ranges,
    readonly udp: Ranges,
    readonly sctp: Ranges,
  ) {}

  static readonly EMPTY = new PortSet(EMPTY_RANGES, EMPTY_RANGES, EMPTY_RANGES);
  static readonly ALL = new PortSet(FULL_RANGES, FULL_RANGES, FULL_RANGES);

  /** Ports lo..hi (inclusive) of one protocol; out-of-range bounds are clamped, an inverted range is empty. */
  static range(protocol: Protocol, lo: number, hi: number = lo): PortSet {
    const l = Math.max(MIN_PORT, Math.trunc(lo));
    const h = Math.min(MAX_PORT, Math.trunc(hi));
    if (!(l <= h)) return PortSet.EMPTY;
    return PortSet.of(protocol, [l, h]);
  }

  /** Every port of one protocol. */
  static protocol(protocol: Protocol): PortSet {
    return PortSet.of(protocol, FULL_RANGES);
  }

  private static of(protocol: Protocol, r: Ranges): PortSet {
    switch (protocol) {
      case 'TCP':
        return new PortSet(r, EMPTY_RANGES, EMPTY_RANGES);
      case 'UDP':
        return new PortSet(EMPTY_RANGES, r, EMPTY_RANGES);
      case 'SCTP':
        return new PortSet(EMPTY_RANGES, EMPTY_RANGES, r);
    }
  }

  ranges(protocol: Protocol): Ranges {
    return protocol === 'TCP' ? this.tcp : protocol === 'UDP' ? this.udp : this.sctp;
  }

  isEmpty(): boolean {
    return this === PortSet.EMPTY || (this.tcp.length === 0 && this.udp.length === 0 && this.sctp.length === 0);
  }

  isAll(): boolean {
    return this === PortSet.ALL || (rangesEqual(this.tcp, FULL_RANGES) && rangesEqual(this.udp, FULL_RANGES) && rangesEqual(this.sctp, FULL_RANGES));
  }

  has(protocol: Protocol, port: number): boolean {
    return rangesHas(this.ranges(protocol), port);
  }

  union(o: PortSet): PortSet {
    if (o.isEmpty() || this === PortSet.ALL) return this;
    if (this.isEmpty() || o === PortSet.ALL) return o;
    return new PortSet(unionRanges(this.tcp, o.tcp), unionRanges(this.udp, o.udp), unionRanges(this.sctp, o.sctp));
  }

  intersect(o: PortSet): PortSet {
    if (this.isEmpty() || o === PortSet.ALL) return this;
    if (o.isEmpty() || this === PortSet.ALL) return o;
    const r = new PortSet(intersectRanges(this.tcp, o.tcp), intersectRanges(this.udp, o.udp), intersectRanges(this.sctp, o.sctp));
    return r.isEmpty() ? PortSet.EMPTY : r;
  }

  complement(): PortSet {
    if (this.isEmpty()) return PortSet.ALL;
    if (this === PortSet.ALL) return PortSet.EMPTY;
    return new PortSet(complementRanges(this.tcp), complementRanges(this.udp), complementRanges(this.sctp));
  }

  subtract(o: PortSet): PortSet {
    if (o.isEmpty() || this.isEmpty()) return this;
    return this.intersect(o.complement());
  }

  equals(o: PortSet): boolean {
    return rangesEqual(this.tcp, o.tcp) && rangesEqual(this.udp, o.udp) && rangesEqual(this.sctp, o.sctp);
  }

  /** `TCP 1-8079,8081-65535; UDP 53`, `all ports`, or `none`. */
  toString(): string {
    if (this.isEmpty()) return 'none';
    if (this.isAll()) return 'all ports';
    return PROTOCOLS.filter((p) => this.ranges(p).length > 0)
      .map((p) => `${p} ${formatRanges(this.ranges(p))}`)
      .join('; ');
  }

  /** `{ "TCP": "1-8079,8081-65535" }`: only protocols with ports. */
  toJSON(): Partial<Record<Protocol, string>> {
    const out: Partial<Record<Protocol, string>> = {};
    for (const p of PROTOCOLS) if (this.ranges(p).length > 0) out[p] = formatRanges(this.ranges(p));
    return out;
  }

  /** Inverse of `toJSON`; throws `PortSetParseError` for malformed input. */
  static fromJSON(v: unknown): PortSet {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new PortSetParseError('port set must be an object keyed by protocol');
    let out = PortSet.EMPTY;
    for (const [proto, text] of Object.entries(v)) {
      if (!isProtocol(proto) || typeof text !== 'string') throw new PortSetParseError(`bad protocol entry "${proto}"`);
      for (const part of text.split(',')) {
        const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
        if (!m) throw new PortSetParseError(`bad port range "${part}"`);
        out = out.union(PortSet.range(proto, Number(m[1]), Number(m[2] ?? m[1])));
      }
    }
    return out;
  }
}

export class PortSetParseError extends Error {
  override readonly name = 'PortSetParseError';
}
