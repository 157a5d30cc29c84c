import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { K8sObject } from '../../model/types.js';
import { NamespaceCache } from './namespaces.js';
import { namespaceObject } from './testing.js';

describe('NamespaceCache', () => {
  it('remembers observed namespaces until the TTL passes', async () => {
    let now = 0;
    const cache = new NamespaceCache({ ttlMs: 1000, now: () => now });
    cache.observe(namespaceObject('a', { x: '1' }));
    assert.deepEqual((await cache.get('a'))?.metadata?.labels, { x: '1' });
    now = 1000;
    assert.equal(await cache.get('a'), undefined);
  });
  it('ignores non-Namespace objects', () => {
    const cache = new NamespaceCache({ ttlMs: 1000 });
    cache.observe({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } });
    assert.equal(cache.peek('a'), undefined);
  });
  it('looks up once for concurrent misses and caches the answer', async () => {
    let calls = 0;
    const cache = new NamespaceCache({ ttlMs: 1000, lookup: async (n) => { calls++; return namespaceObject(n, { l: 'v' }); } });
    const [a, b] = await Promise.all([cache.get('n'), cache.get('n')]);
    assert.equal(a, b);
    await cache.get('n');
    assert.equal(calls, 1);
  });
  it('a failing lookup yields undefined, is remembered briefly, and never throws', async () => {
    let now = 0;
    let calls = 0;
    const cache = new NamespaceCache({ ttlMs: 60_000, negativeTtlMs: 100, now: () => now, lookup: async () => { calls++; throw new Error('apiserver down'); } });
    assert.equal(await cache.get('n'), undefined);
    assert.equal(await cache.get('n'), undefined);
    assert.equal(calls, 1);
    now = 100;
    await cache.get('n');
    assert.equal(calls, 2);
  });
  it('is bounded: the oldest entry goes first', () => {
    const cache = new NamespaceCache({ ttlMs: 1000, maxEntries: 2 });
    for (const n of ['a', 'b', 'c']) cache.observe(namespaceObject(n));
    assert.equal(cache.size, 2);
    assert.equal(cache.peek('a'), undefined);
    assert.ok(cache.peek('c') as K8sObject);
  });
});
