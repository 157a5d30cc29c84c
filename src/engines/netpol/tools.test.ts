/** list, exposure, diff and synthesize on small clusters, plus a randomized list/eval agreement check. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { K8sObject } from '../../model/types.js';
import { NetworkAnalysis } from './analysis.js';
import { ANY_EXTERNAL, listConnections } from './connectivity.js';
import { diffAnalyses, diffJson } from './diff.js';
import { exposureReport, transitiveReach } from './exposure.js';
import { formatConnections } from './format.js';
import { PortSet } from './ports.js';
import { synthesize } from './synthesize.js';
import { e2eCluster, netpol, resource } from './testkit.js';

function deploy(ns: string, name: string, labels: Record<string, string>, ports: { name?: string; containerPort: number; protocol?: string }[] = []): K8sObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns }, spec: { template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'i', ports }] } } } };
}
const an = (objs: K8sObject[]): NetworkAnalysis => NetworkAnalysis.fromResources(objs.map((o) => resource(o)));

const SHOP = [
  deploy('shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]),
  deploy('shop', 'api', { app: 'api' }, [{ name: 'http', containerPort: 9000 }]),
  deploy('shop', 'db', { app: 'db' }, [{ name: 'pg', containerPort: 5432 }]),
  netpol('shop', 'deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
  netpol('shop', 'web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 'http' }] }], egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }] }] }),
  netpol('shop', 'api', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 9000, endPort: 9010 }] }], egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ port: 'pg' }] }] }),
  netpol('shop', 'db', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }] }] }),
];

test('list: every allowed connection with port ranges, externals and focus', () => {
  const a = an(SHOP);
  const rows = listConnections(a).map((c) => `${c.src.ref} => ${c.dst.ref} : ${c.ports.toString()}`);
  assert.deepEqual(rows, ['shop/api => shop/db : TCP 5432', 'shop/web => shop/api : TCP 9000-9010', '0.0.0.0/0 => shop/web : TCP 8080']);
  const focus = listConnections(a, { focus: a.model.workloads.find((w) => w.ref === 'shop/db')! });
  assert.deepEqual(focus.map((c) => c.src.ref), ['shop/api']);
  const open = listConnections(an([deploy('x', 'a', { app: 'a' })]));
  assert.deepEqual(open.map((c) => `${c.src.ref} => ${c.dst.ref} : ${c.ports.toString()}`), [`x/a => x/a : all ports`, `x/a => ${ANY_EXTERNAL} : all ports`, `${ANY_EXTERNAL} => x/a : all ports`]);
  const csv = formatConnections(listConnections(a), 'csv');
  assert.match(csv, /^src,dst,connection\nshop\/api,shop\/db,TCP 5432\n/);
  const json = JSON.parse(formatConnections(listConnections(a), 'json')) as { connections: { ports: unknown }[] };
  assert.deepEqual(json.connections[1]!.ports, { TCP: '9000-9010' });
  assert.match(formatConnections(listConnections(a), 'md'), /\| shop\/web \| shop\/api \| TCP 9000-9010 \|/);
  assert.match(formatConnections(listConnections(a), 'dot'), /"shop\/web" -> "shop\/api" \[label="TCP 9000-9010"\]/);
});

test('exposure: not isolated, reachable-from, transitive blast radius, outside connections', () => {
  const a = an([...SHOP, deploy('open', 'tool', { app: 'tool' })]);
  const r = exposureReport(a);
  assert.deepEqual(r.notIsolated.ingress, ['open/tool']);
  const web = r.exposures.find((e) => e.ref === 'shop/web')!;
  assert.deepEqual(web.blastRadius, ['shop/api', 'shop/db']); // via api to db; egress default deny keeps open/tool out
  assert.deepEqual(web.fromExternal, [{ from: '0.0.0.0/0', connection: 'TCP 8080' }]);
  const db = r.exposures.find((e) => e.ref === 'shop/db')!;
  assert.deepEqual(db.reachableFrom, ['shop/api']);
  assert.deepEqual(db.blastRadius, []);
  const tool = r.exposures.find((e) => e.ref === 'open/tool')!;
  assert.deepEqual(tool.blastRadius, []); // shop ingress is default deny
  assert.deepEqual(r.reachableFromAll, []);
});

test('transitive reach handles cycles', () => {
  // 0 -> 1 -> 2 -> 1, 3 isolated
  const reach = transitiveReach(4, [[1], [2], [1], []]);
  const has = (v: number, w: number): boolean => (reach[v]![w >>> 5]! & (1 << (w & 31))) !== 0;
  assert.ok(has(0, 1) && has(0, 2) && has(1, 2) && has(2, 1) && has(1, 1));
  assert.ok(!has(0, 3) && !has(3, 0) && !has(1, 0) && !has(0, 0));
});

test('diff: added, removed and changed connections, including moved CIDRs', () => {
  const before = an(SHOP);
  const after = an(
    SHOP.map((o) =>
      o.metadata?.name === 'web' && o.kind === 'NetworkPolicy'
        ? netpol('shop', 'web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }], ports: [{ port: 'http' }] }], egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] })
        : o.metadata?.name === 'api' && o.kind === 'NetworkPolicy'
          ? netpol('shop', 'api', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 9000, endPort: 9005 }] }], egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ port: 'pg' }] }] })
          : o.metadata?.name === 'db' && o.kind === 'NetworkPolicy'
            ? netpol('shop', 'db', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] } }] }] })
            : o,
    ),
  );
  const d = diffJson(diffAnalyses(before, after));
  assert.deepEqual(d['added'], [{ src: 'shop/web', dst: 'shop/db', before: 'none', after: 'all ports', opened: 'all ports', closed: 'none' }]);
  assert.deepEqual(d['removed'], [
    { src: '10.0.0.0/8', dst: 'shop/web', before: 'TCP 8080', after: 'none', opened: 'none', closed: 'TCP 8080' },
    { src: 'shop/web', dst: 'shop/api', before: 'TCP 9000-9010', after: 'none', opened: 'none', closed: 'TCP 9000-9010' },
  ]);
  assert.deepEqual(d['changed'], []);
  assert.deepEqual(diffJson(diffAnalyses(before, an(SHOP))), { added: [], removed: [], changed: [] });
});

test('synthesize: verified least privilege, DNS included; verification catches over-broad selectors', () => {
  const objs = [
    deploy('shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]),
    deploy('shop', 'db', { app: 'db' }, [{ name: 'pg', containerPort: 5432 }]),
    deploy('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }]),
    netpol('shop', 'legacy-allow-all', { podSelector: {}, ingress: [{}] }),
  ].map((o) => resource(o));
  const r = synthesize(objs, [
    { source: 'shop/web', destination: 'shop/db', port: 'pg', protocol: 'TCP' },
    { source: '0.0.0.0/0', destination: 'shop/web', port: '8080', protocol: 'TCP' },
    { source: 'shop/web', destination: '203.0.113.0/24', port: '443-444', protocol: 'TCP' },
  ]);
  assert.deepEqual(r.verification.extra, []);
  assert.deepEqual(r.verification.missing, []);
  assert.ok(r.verification.verified);
  const names = r.policies.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`);
  assert.deepEqual(names, ['kube-system/default-deny', 'kube-system/allow-dns-egress', 'shop/default-deny', 'shop/allow-dns-egress', 'kube-system/allow-dns-ingress', 'shop/allow-ingress-web', 'shop/allow-egress-web', 'shop/allow-ingress-db']);
  const egress = r.policies.find((p) => p.metadata?.name === 'allow-egress-web')!;
  assert.deepEqual((egress['spec'] as { egress: { ports: unknown[] }[] }).egress.map((e) => e.ports), [[{ protocol: 'TCP', port: 443, endPort: 444 }], [{ protocol: 'TCP', port: 'pg' }]]);

  // Two workloads sharing labels: the selector for one also picks the other, and verification says so.
  const clash = [deploy('x', 'a', { app: 'same' }), deploy('x', 'b', { app: 'same' }), deploy('x', 'c', { app: 'c' })].map((o) => resource(o));
  const bad = synthesize(clash, [{ source: 'x/c', destination: 'x/a', port: 80, protocol: 'TCP' }], { dns: false });
  assert.equal(bad.verification.verified, false);
  assert.deepEqual(bad.verification.extra, [{ src: 'x/c', dst: 'x/b', ports: 'TCP 80' }]);
  assert.ok(bad.warnings.some((w) => w.includes('x/a: its pod labels also select x/b')));
});

test('randomized: the fast listing agrees with the exact per-pair decision', () => {
  let seed = 42;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pods = ['x/a', 'x/b', 'x/c', 'y/a', 'y/b', 'z/a', 'z/c'];
  const sel = (): Record<string, unknown> => [{}, { matchLabels: { pod: ['a', 'b', 'c'][rnd(3)]! } }, { matchExpressions: [{ key: 'pod', operator: ['In', 'NotIn'][rnd(2)]!, values: ['a'] }] }][rnd(3)]!;
  const nsSel = (): Record<string, unknown> | undefined => [undefined, {}, { matchLabels: { ns: ['x', 'y', 'z'][rnd(3)]! } }][rnd(3)];
  const ports = (): unknown[] | undefined => [undefined, [{ port: 80 }], [{ port: 'serve-81-udp', protocol: 'UDP' }], [{ port: 80, endPort: 81 }, { protocol: 'SCTP' }], [{ port: 'serve-80-tcp' }]][rnd(5)];
  const peer = (): Record<string, unknown> => {
    const p: Record<string, unknown> = { podSelector: sel() };
    const n = nsSel();
    if (n !== undefined) p['namespaceSelector'] = n;
    return rnd(6) === 0 ? { ipBlock: { cidr: '0.0.0.0/0' } } : p;
  };
  const rule = (key: 'from' | 'to'): Record<string, unknown> => {
    const r: Record<string, unknown> = {};
    if (rnd(3) > 0) r[key] = Array.from({ length: 1 + rnd(2) }, peer);
    const p = ports();
    if (p) r['ports'] = p;
    return r;
  };
  for (let round = 0; round < 25; round++) {
    const policies = Array.from({ length: 1 + rnd(4) }, (_, i) => {
      const types = [['Ingress'], ['Egress'], ['Ingress', 'Egress']][rnd(3)]!;
      const spec: Record<string, unknown> = { podSelector: sel(), policyTypes: types };
      if (types.includes('Ingress')) spec['ingress'] = Array.from({ length: rnd(3) }, () => rule('from'));
      if (types.includes('Egress')) spec['egress'] = Array.from({ length: rnd(3) }, () => rule('to'));
      return netpol(['x', 'y', 'z'][rnd(3)]!, `p${i}`, spec);
    });
    const a = NetworkAnalysis.fromResources(e2eCluster(pods, policies));
    const listed = new Map<string, PortSet>();
    a.workloadConnections((s, d, p) => listed.set(`${s.ref}>${d.ref}`, p));
    for (const s of a.model.workloads) {
      for (const d of a.model.workloads) {
        const exact = a.allowedPorts({ kind: 'workload', workload: s }, { kind: 'workload', workload: d });
        const fast = listed.get(`${s.ref}>${d.ref}`) ?? PortSet.EMPTY;
        assert.ok(exact.equals(fast), `round ${round} ${s.ref} -> ${d.ref}: exact ${exact.toString()} vs listed ${fast.toString()}\n${JSON.stringify(policies)}`);
      }
    }
  }
});

test('randomized with ANP/BANP tiers and hostNetwork: listing, exact decision and reachable-from-all agree', () => {
  let seed = 7;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pods = ['x/a', 'x/b', 'y/a', 'y/b', 'z/c'];
  const nsSel = (): Record<string, unknown> => [{}, { matchLabels: { ns: ['x', 'y', 'z'][rnd(3)]! } }][rnd(2)]!;
  const podSel = (): Record<string, unknown> => [{}, { matchLabels: { pod: ['a', 'b', 'c'][rnd(3)]! } }][rnd(2)]!;
  const adminPeer = (): Record<string, unknown> => (rnd(2) === 0 ? { namespaces: nsSel() } : { pods: { namespaceSelector: nsSel(), podSelector: podSel() } });
  const adminPorts = (): unknown[] | undefined => [undefined, [{ portNumber: { protocol: 'TCP', port: 80 } }], [{ portRange: { protocol: 'TCP', start: 80, end: 81 } }], [{ namedPort: 'serve-81-udp' }]][rnd(4)];
  const adminRule = (key: 'from' | 'to', actions: string[]): Record<string, unknown> => {
    const r: Record<string, unknown> = { name: `r${rnd(1000)}`, action: actions[rnd(actions.length)]!, [key]: [adminPeer()] };
    const p = adminPorts();
    if (p) r['ports'] = p;
    return r;
  };
  for (let round = 0; round < 20; round++) {
    const objs: K8sObject[] = [];
    for (let i = 0; i < 1 + rnd(3); i++) {
      objs.push({
        apiVersion: 'policy.networking.k8s.io/v1alpha1',
        kind: 'AdminNetworkPolicy',
        metadata: { name: `anp${i}` },
        spec: { priority: rnd(5), subject: rnd(2) === 0 ? { namespaces: nsSel() } : { pods: { namespaceSelector: nsSel(), podSelector: podSel() } }, ingress: Array.from({ length: rnd(3) }, () => adminRule('from', ['Allow', 'Deny', 'Pass'])), egress: Array.from({ length: rnd(3) }, () => adminRule('to', ['Allow', 'Deny', 'Pass'])) },
      });
    }
    if (rnd(2) === 0) {
      objs.push({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' }, spec: { subject: { namespaces: nsSel() }, ingress: [adminRule('from', ['Allow', 'Deny'])], egress: [adminRule('to', ['Allow', 'Deny'])] } });
    }
    if (rnd(2) === 0) objs.push(netpol(['x', 'y'][rnd(2)]!, 'np', { podSelector: podSel(), ingress: [{ from: [{ namespaceSelector: nsSel(), podSelector: podSel() }], ports: [{ port: 80 }] }] }));
    const resources = e2eCluster(pods, objs);
    // One hostNetwork workload: never selected, matched only by whole-family ipBlocks.
    resources.push(resource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'node-agent', namespace: 'x', labels: { pod: 'a' } }, spec: { hostNetwork: true, containers: [{ name: 'c', image: 'i' }] } }));
    const a = NetworkAnalysis.fromResources(resources);
    const listed = new Map<string, PortSet>();
    a.workloadConnections((s, d, p) => listed.set(`${s.ref}>${d.ref}`, p));
    for (const s of a.model.workloads) {
      let fromAll: PortSet | undefined;
      for (const d of a.model.workloads) {
        const exact = a.allowedPorts({ kind: 'workload', workload: s }, { kind: 'workload', workload: d });
        const fast = listed.get(`${s.ref}>${d.ref}`) ?? PortSet.EMPTY;
        assert.ok(exact.equals(fast), `round ${round} ${s.ref} -> ${d.ref}: exact ${exact.toString()} vs listed ${fast.toString()}`);
        if (d !== s) {
          const ing = a.side('ingress', s, { kind: 'workload', workload: d }).allowed;
          fromAll = fromAll ? fromAll.intersect(ing) : ing;
        }
      }
      assert.ok(a.ingressFromAllWorkloads(s).equals(fromAll ?? PortSet.ALL), `round ${round} reachable-from-all ${s.ref}`);
    }
  }
});
