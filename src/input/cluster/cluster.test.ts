import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { K8sObject } from '../../model/types.js';
import { FakeTransport, type FakeResource } from './fake-transport.js';
import { CLUSTER_CATALOG, dropOwned, formatGap, loadCluster } from './index.js';
import { LAST_APPLIED, redactLastApplied, sanitizeItem } from './sanitize.js';
import { listAll, METADATA_ONLY_ACCEPT } from './list.js';
import { createLimiter } from './pool.js';
import { discoverKinds } from './discovery.js';
import { ApiStatusError } from './errors.js';
import type { ApiTransport } from './transport.js';

const RESOURCES: FakeResource[] = [
  { groupVersion: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false },
  { groupVersion: 'v1', resource: 'pods', kind: 'Pod', namespaced: true },
  { groupVersion: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true },
  { groupVersion: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true },
  { groupVersion: 'apps/v1', resource: 'deployments', kind: 'Deployment', namespaced: true },
  { groupVersion: 'apps/v1', resource: 'replicasets', kind: 'ReplicaSet', namespaced: true },
  { groupVersion: 'rbac.authorization.k8s.io/v1', resource: 'clusterroles', kind: 'ClusterRole', namespaced: false },
];
const KINDS = CLUSTER_CATALOG.filter((e) => RESOURCES.some((r) => r.resource === e.resource));

function obj(apiVersion: string, kind: string, name: string, namespace?: string, extra: Record<string, unknown> = {}): K8sObject {
  const metadata: Record<string, unknown> = { name, uid: `uid-${kind}-${namespace ?? ''}-${name}` };
  if (namespace !== undefined) metadata['namespace'] = namespace;
  const { metadata: extraMeta, ...rest } = extra;
  return { apiVersion, kind, metadata: { ...metadata, ...(extraMeta as object) }, ...rest };
}

const OBJECTS: K8sObject[] = [
  obj('v1', 'Namespace', 'shop', undefined, { metadata: { labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } }),
  obj('v1', 'Namespace', 'kube-system'),
  obj('v1', 'Namespace', 'dev'),
  obj('v1', 'Pod', 'bare', 'shop'),
  obj('v1', 'Pod', 'web-abc-1', 'shop', { metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'uid-ReplicaSet-shop-web-abc', controller: true }] } }),
  obj('apps/v1', 'ReplicaSet', 'web-abc', 'shop', { metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-Deployment-shop-web', controller: true }] } }),
  obj('apps/v1', 'Deployment', 'web', 'shop'),
  obj('v1', 'Pod', 'dns', 'kube-system'),
  obj('v1', 'Pod', 'tool', 'dev'),
  obj('v1', 'Secret', 'db', 'shop', { type: 'Opaque', data: { password: 'c2VjcmV0' }, metadata: { annotations: { [LAST_APPLIED]: '{"data":{"password":"c2VjcmV0"}}', team: 'a' } } }),
  obj('v1', 'ConfigMap', 'cfg', 'dev', { data: { a: 'b' }, metadata: { managedFields: [{ manager: 'kubectl' }] } }),
  obj('rbac.authorization.k8s.io/v1', 'ClusterRole', 'admin', undefined, { rules: [] }),
];

const names = (rs: { object: K8sObject }[]): string[] => rs.map((r) => `${r.object.kind}/${r.object.metadata?.namespace ?? ''}/${r.object.metadata?.name}`);

describe('loadCluster with a fake API server', () => {
  it('reads every kind, sets apiVersion/kind on list items, has no file location', async () => {
    const t = new FakeTransport({ resources: RESOURCES, objects: OBJECTS });
    const r = await loadCluster({ transport: t, kinds: KINDS, pageSize: 2 });
    assert.deepEqual(r.gaps, []);
    assert.deepEqual(names(r.resources), [
      'Namespace//dev', 'Namespace//kube-system', 'Namespace//shop',
      'Pod/dev/tool', 'Pod/kube-system/dns', 'Pod/shop/bare',
      'ConfigMap/dev/cfg',
      'Deployment/shop/web',
      'ClusterRole//admin',
    ]);
    for (const res of r.resources) {
      assert.equal(res.source.file, undefined);
      assert.equal(res.source.locate('/metadata/name'), undefined);
    }
    const cm = r.resources.find((x) => x.object.kind === 'ConfigMap');
    assert.equal(cm?.object.apiVersion, 'v1');
    assert.equal(cm?.object.metadata?.['managedFields'], undefined, 'managedFields is stripped');
    // Paginated: 3 namespaces at page size 2 need two requests.
    assert.equal(t.requests.filter((q) => q.path.startsWith('/api/v1/namespaces?')).length, 2);
  });

  it('never requests Secrets unless asked', async () => {
    const t = new FakeTransport({ resources: RESOURCES, objects: OBJECTS });
    await loadCluster({ transport: t, kinds: KINDS });
    assert.equal(t.requests.some((q) => q.path.includes('secrets')), false);
  });

  it('secrets=metadata asks for PartialObjectMetadata, strips values and redacts last-applied', async () => {
    const t = new FakeTransport({ resources: RESOURCES, objects: OBJECTS });
    const r = await loadCluster({ transport: t, kinds: KINDS, secrets: 'metadata' });
    const req = t.requests.find((q) => q.path.startsWith('/api/v1/secrets'));
    assert.equal(req?.accept, METADATA_ONLY_ACCEPT);
    const s = r.resources.find((x) => x.object.kind === 'Secret');
    assert.ok(s);
    assert.equal(s.object['data'], undefined);
    assert.deepEqual(s.object.metadata?.annotations, { team: 'a', [LAST_APPLIED]: '{"data":{"password":"REDACTED"}}' });
    assert.equal(JSON.stringify(r.resources).includes('c2VjcmV0'), false);
  });

  it('secrets=values keeps data', async () => {
    const t = new FakeTransport({ resources: RESOURCES, objects: OBJECTS });
    const r = await loadCluster({ transport: t, kinds: KINDS, secrets: 'values' });
    const s = r.resources.find((x) => x.object.kind === 'Secret');
    assert.deepEqual(s?.object['data'], { password: 'c2VjcmV0' });
  });

  it('includeOwned keeps ReplicaSets and Pods whose controller was read', async () => {
    const t = new FakeTransport({ resources: RESOURCES, objects: OBJECTS });
    const r = await loadCluster({ transport: t, kinds: KINDS, includeOwned: true });
    assert.ok(names(r.resources).includes('Pod/shop/web-abc-1'));
    assert.ok(names(r.resources).includes('ReplicaSet/shop/web-abc'));
  });

  it('restricts to --namespace and honours --exclude-namespaces; cluster-scoped kinds are still read', async () => {
    const t = new FakeTransport({ resources: RESOURCES, objects: OBJECTS });
    const r = await loadCluster({ transport: t, kinds: KINDS, namespaces: ['shop', 'dev'], excludeNamespaces: ['dev'] });
    assert.deepEqual(names(r.resources), ['Namespace//shop', 'Pod/shop/bare', 'Deployment/shop/web', 'ClusterRole//admin']);
    assert.equal(t.requests.some((q) => q.path.includes('/namespaces/dev/')), false, 'excluded namespaces are never requested');
    const all = await loadCluster({ transport: new FakeTransport({ resources: RESOURCES, objects: OBJECTS }), kinds: KINDS, excludeNamespaces: ['kube-system'] });
    assert.equal(names(all.resources).some((n) => n.includes('kube-system')), false);
  });

  it('a --namespace that does not exist is reported', async () => {
    const t = new FakeTransport({ resources: RESOURCES, objects: OBJECTS });
    const r = await loadCluster({ transport: t, kinds: KINDS, namespaces: ['shop', 'shp'] });
    assert.deepEqual(r.gaps.map(formatGap), ['could not list namespaces in shp: namespace not found']);
  });

  it('falls back per namespace when a cluster-wide list is forbidden, and reports each forbidden namespace', async () => {
    const t = new FakeTransport({
      resources: RESOURCES,
      objects: OBJECTS,
      forbid: (p) => p === '/api/v1/pods' || p === '/api/v1/namespaces/kube-system/pods' || p === '/apis/rbac.authorization.k8s.io/v1/clusterroles',
    });
    const r = await loadCluster({ transport: t, kinds: KINDS });
    assert.deepEqual(r.gaps.map(formatGap), [
      'could not list clusterroles.rbac.authorization.k8s.io: forbidden',
      'could not list pods in kube-system: forbidden',
    ]);
    assert.ok(names(r.resources).includes('Pod/shop/bare'));
    assert.ok(names(r.resources).includes('Pod/dev/tool'));
  });

  it('when namespaces cannot be listed either, says so and tries the context namespace only', async () => {
    const t = new FakeTransport({ resources: RESOURCES, objects: OBJECTS, forbid: (p) => p === '/api/v1/namespaces' || p === '/api/v1/pods' });
    const r = await loadCluster({ transport: t, kinds: KINDS.filter((k) => k.resource === 'namespaces' || k.resource === 'pods') });
    assert.deepEqual(r.gaps.map(formatGap), ['could not list namespaces: forbidden', 'could not list pods: forbidden; namespaces could not be listed']);
  });

  it('reports required kinds the server does not serve; skips optional ones silently', async () => {
    const t = new FakeTransport({ resources: RESOURCES, objects: OBJECTS });
    const kinds = CLUSTER_CATALOG.filter((e) => ['networkpolicies', 'adminnetworkpolicies', 'pods'].includes(e.resource));
    const r = await loadCluster({ transport: t, kinds });
    assert.deepEqual(r.gaps.map(formatGap), ['could not list networkpolicies.networking.k8s.io: API group "networking.k8s.io" is not served by this API server']);
  });
});

describe('discovery', () => {
  it("prefers the group's preferred version, falls back to another version that serves the resource", async () => {
    const t = new FakeTransport({
      resources: [
        { groupVersion: 'policy.networking.k8s.io/v1alpha1', resource: 'adminnetworkpolicies', kind: 'AdminNetworkPolicy', namespaced: false },
        { groupVersion: 'policy.networking.k8s.io/v1alpha1', resource: 'baselineadminnetworkpolicies', kind: 'BaselineAdminNetworkPolicy', namespaced: false },
        { groupVersion: 'policy.networking.k8s.io/v1beta1', resource: 'adminnetworkpolicies', kind: 'AdminNetworkPolicy', namespaced: false },
      ],
      preferred: { 'policy.networking.k8s.io': 'policy.networking.k8s.io/v1beta1' },
      objects: [],
    });
    const { kinds, gaps } = await discoverKinds(t, CLUSTER_CATALOG.filter((e) => e.group === 'policy.networking.k8s.io'));
    assert.deepEqual(gaps, []);
    assert.deepEqual(kinds.map((k) => [k.entry.resource, k.apiVersion, k.namespaced]), [
      ['adminnetworkpolicies', 'policy.networking.k8s.io/v1beta1', false],
      ['baselineadminnetworkpolicies', 'policy.networking.k8s.io/v1alpha1', false],
    ]);
  });
});

describe('sanitizeItem', () => {
  const cases: { name: string; kind: string; apiVersion: string; opts: { secretValues?: boolean }; keepsData: boolean }[] = [
    { name: 'Secret, default', kind: 'Secret', apiVersion: 'v1', opts: {}, keepsData: false },
    { name: 'Secret, values asked', kind: 'Secret', apiVersion: 'v1', opts: { secretValues: true }, keepsData: true },
    { name: 'ConfigMap keeps data', kind: 'ConfigMap', apiVersion: 'v1', opts: {}, keepsData: true },
    { name: 'a CRD named Secret in another group is not a core Secret', kind: 'Secret', apiVersion: 'example.com/v1', opts: {}, keepsData: true },
  ];
  const lastApplied = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', data: { k: 'dg==' }, stringData: { s: 'plain' } });
  for (const c of cases) {
    it(c.name, () => {
      const out = sanitizeItem({ metadata: { name: 'x', annotations: { [LAST_APPLIED]: lastApplied } }, data: { k: 'dg==' }, stringData: { k: 'v' } }, c.apiVersion, c.kind, c.opts);
      assert.equal(out.kind, c.kind);
      assert.equal(out.apiVersion, c.apiVersion);
      assert.equal(out['data'] !== undefined, c.keepsData);
      assert.equal(out['stringData'] !== undefined, c.keepsData);
      const annotation = out.metadata?.annotations?.[LAST_APPLIED];
      if (c.keepsData) assert.equal(annotation, lastApplied);
      else assert.deepEqual(JSON.parse(annotation ?? ''), { apiVersion: 'v1', kind: 'Secret', data: { k: 'REDACTED' }, stringData: { s: 'REDACTED' } });
    });
  }
  it('an unparseable last-applied annotation on a Secret is dropped', () => {
    const out = sanitizeItem({ metadata: { name: 'x', annotations: { [LAST_APPLIED]: '{not json' } } }, 'v1', 'Secret');
    assert.equal(out.metadata?.annotations, undefined);
  });
  it('redactLastApplied table', () => {
    const table: [string, string | undefined][] = [
      ['{"data":{"a":"eA=="}}', '{"data":{"a":"REDACTED"}}'],
      ['{"stringData":"odd"}', '{"stringData":"REDACTED"}'],
      ['{"metadata":{"name":"n"}}', '{"metadata":{"name":"n"}}'],
      ['[1]', undefined],
      ['nope', undefined],
    ];
    for (const [input, want] of table) assert.equal(redactLastApplied(input), want, input);
  });
});

describe('dropOwned', () => {
  it('drops only objects whose controller uid was read', () => {
    const owner = obj('apps/v1', 'Deployment', 'a', 'n');
    const ownedRef = (uid: string, controller: boolean) => ({ metadata: { ownerReferences: [{ uid, controller }] } });
    const kept = dropOwned([
      owner,
      obj('apps/v1', 'ReplicaSet', 'a-1', 'n', ownedRef('uid-Deployment-n-a', true)),
      obj('apps/v1', 'ReplicaSet', 'a-2', 'n', ownedRef('uid-Deployment-n-a', false)),
      obj('apps/v1', 'ReplicaSet', 'orphan', 'n', ownedRef('uid-unknown', true)),
    ]);
    assert.deepEqual(kept.map((o) => o.metadata?.name), ['a', 'a-2', 'orphan']);
  });
});

describe('listAll', () => {
  it('restarts once on 410 Gone (expired continue token), then gives up', async () => {
    let calls = 0;
    let gone = 0;
    const t: ApiTransport = {
      server: 'x',
      request: async (p) => {
        calls++;
        if (p.includes('continue=') && gone < 1) {
          gone++;
          return { status: 410, body: { reason: 'Expired', message: 'too old' } };
        }
        return p.includes('continue=') ? { status: 200, body: { items: [{ n: 2 }], metadata: {} } } : { status: 200, body: { items: [{ n: 1 }], metadata: { continue: 'c' } } };
      },
    };
    assert.deepEqual(await listAll(t, '/api/v1/pods'), [{ n: 1 }, { n: 2 }]);
    assert.equal(calls, 4);
    const always: ApiTransport = { server: 'x', request: async (p) => (p.includes('continue=') ? { status: 410, body: {} } : { status: 200, body: { items: [], metadata: { continue: 'c' } } }) };
    await assert.rejects(listAll(always, '/api/v1/pods'), (e: unknown) => e instanceof ApiStatusError && e.status === 410);
  });
});

describe('createLimiter', () => {
  it('never runs more than n at once and runs everything', async () => {
    const limit = createLimiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, i % 3));
          active--;
          return i;
        }),
      ),
    );
    assert.equal(peak, 3);
    assert.deepEqual(results, Array.from({ length: 20 }, (_, i) => i));
  });
  it('rejects a non-positive limit', () => {
    assert.throws(() => createLimiter(0), RangeError);
  });
});
