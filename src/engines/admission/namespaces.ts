/**
 * Namespace labels for namespace-driven behaviour (the `rampart.dev/enforce` override and the
 * Pod Security namespace control). An AdmissionReview carries only the object under review, not
 * its Namespace, so Rampart keeps a small TTL cache of Namespace objects fed by:
 *   1. the Namespace objects the webhook itself admits (CREATE/UPDATE, never dry-run), and
 *   2. an optional lookup (the server passes one that reads the API server when in-cluster).
 * Bounded in size (oldest entry evicted), lookups de-duplicated, failures cached briefly so a
 * slow API server never stalls admission for long. Unknown labels mean "no override".
 */
import type { K8sObject } from '../../model/types.js';

export type NamespaceLookup = (name: string) => Promise<K8sObject | undefined>;

interface Entry {
  object: K8sObject | undefined;
  expires: number;
}

export interface NamespaceCacheOptions {
  ttlMs: number;
  maxEntries?: number;
  lookup?: NamespaceLookup;
  /** How long a failed or empty lookup is remembered. */
  negativeTtlMs?: number;
  now?: () => number;
}

export class NamespaceCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<K8sObject | undefined>>();
  private readonly ttlMs: number;
  private readonly negativeTtlMs: number;
  private readonly maxEntries: number;
  private readonly lookup: NamespaceLookup | undefined;
  private readonly now: () => number;

  constructor(opts: NamespaceCacheOptions) {
    this.ttlMs = opts.ttlMs;
    this.negativeTtlMs = opts.negativeTtlMs ?? Math.min(opts.ttlMs, 5_000);
    this.maxEntries = opts.maxEntries ?? 10_000;
    this.lookup = opts.lookup;
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Remember a Namespace the webhook has admitted. */
  observe(ns: K8sObject): void {
    const name = ns.metadata?.name;
    if (ns.kind !== 'Namespace' || typeof name !== 'string') return;
    this.put(name, ns, this.ttlMs);
  }

  forget(name: string): void {
    this.entries.delete(name);
  }

  /** Cached Namespace without waiting (undefined when unknown or expired). */
  peek(name: string): K8sObject | undefined {
    const e = this.entries.get(name);
    if (!e || e.expires <= this.now()) return undefined;
    return e.object;
  }

  /** Cached Namespace, or the lookup's answer. Never throws. */
  async get(name: string): Promise<K8sObject | undefined> {
    const e = this.entries.get(name);
    if (e && e.expires > this.now()) return e.object;
    if (!this.lookup) return undefined;
    const pending = this.inflight.get(name);
    if (pending) return pending;
    const p = this.lookup(name).then(
      (obj) => {
        this.put(name, obj, obj ? this.ttlMs : this.negativeTtlMs);
        return obj;
      },
      () => {
        this.put(name, undefined, this.negativeTtlMs);
        return undefined;
      },
    );
    this.inflight.set(name, p);
    try {
      return await p;
    } finally {
      this.inflight.delete(name);
    }
  }

  private put(name: string, object: K8sObject | undefined, ttl: number): void {
    if (ttl <= 0) return;
    this.entries.delete(name); // re-insert: Map order is the eviction order
    this.entries.set(name, { object, expires: this.now() + ttl });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
