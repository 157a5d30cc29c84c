/** One table per NetworkPolicy semantic rule, each with allowed and denied rows. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { K8sObject } from '../../model/types.js';
import type { AnalysisOptions, Endpoint } from './analysis.js';
import { NetworkAnalysis } from './analysis.js';
import { isIpOrCidr, parseCidr } from './ip.js';
import type { Protocol } from './ports.js';
import { e2eNamespace, netpol, resource } from './testkit.js';
import { evaluateConnection } from './eval.js';
import type { Workload } from './model.js';

function deploy(ns: string, name: string, labels: Record<string, string>, ports: { name?: string; containerPort: number; protocol?: string }[] = [{ containerPort: 80 }], extra: Record<string, unknown> = {}): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { ...extra, containers: [{ name: 'c', image: 'i', ports }] } } },
  };
}

function analysis(objects: K8sObject[], opts: AnalysisOptions = {}): NetworkAnalysis {
  return NetworkAnalysis.fromResources(objects.map((o) => resource(o)), opts);
}

function ep(a: NetworkAnalysis, ref: string): Endpoint {
  if (isIpOrCidr(ref)) return { kind: 'external', range: parseCidr(ref), text: ref };
  const w = a.model.workloads.find((x) => x.ref === ref);
  assert.ok(w, `no workload ${ref}`);
  return { kind: 'workload', workload: w };
}

function workloadOf(e: Endpoint): Workload {
  assert.ok(e.kind === 'workload');
  return e.workload;
}

type Row = [from: string, to: string, port: number, protocol: Protocol, allowed: boolean];

function check(a: NetworkAnalysis, rows: Row[]): void {
  for (const [from, to, port, proto, want] of rows) {
    const got = a.allowedPorts(ep(a, from), ep(a, to)).has(proto, port);
    assert.equal(got, want, `${from} -> ${to} ${proto}/${port}: expected ${want ? 'allowed' : 'denied'}`);
    // The fast listing must agree with the exact decision for workload pairs.
    if (!isIpOrCidr(from) && !isIpOrCidr(to)) {
      let listed = false;
      a.workloadConnections(
        (_s, _d, ports) => {
          listed = ports.has(proto, port);
        },
        { src: workloadOf(ep(a, from)), dst: workloadOf(ep(a, to)) },
      );
      assert.equal(listed, want, `listing ${from} -> ${to} ${proto}/${port}`);
    }
  }
}

const base = (): K8sObject[] => [
  e2eNamespace('x'),
  e2eNamespace('y'),
  deploy('x', 'a', { app: 'a' }),
  deploy('x', 'b', { app: 'b' }),
  deploy('y', 'a', { app: 'a' }),
  deploy('y', 'b', { app: 'b' }),
];

test('policyTypes defaulting: Ingress always; Egress only when egress rules exist', () => {
  // Egress rules without policyTypes: egress isolated (rules allow only y/b).
  check(analysis([...base(), netpol('x', 'p', { podSelector: { matchLabels: { app: 'a' } }, egress: [{ to: [{ namespaceSelector: { matchLabels: { ns: 'y' } }, podSelector: { matchLabels: { app: 'b' } } }] }] })]), [
    ['x/a', 'y/b', 80, 'TCP', true],
    ['x/a', 'y/a', 80, 'TCP', false],
    ['y/a', 'x/a', 80, 'TCP', false], // Ingress defaulted in and no ingress rules: isolated
  ]);
  // `egress: []` without policyTypes: Egress is NOT defaulted in.
  check(analysis([...base(), netpol('x', 'p', { podSelector: { matchLabels: { app: 'a' } }, egress: [] })]), [
    ['x/a', 'y/a', 80, 'TCP', true],
    ['y/a', 'x/a', 80, 'TCP', false],
  ]);
  // Explicit Egress only: ingress rules are ignored, ingress not isolated.
  check(analysis([...base(), netpol('x', 'p', { podSelector: { matchLabels: { app: 'a' } }, policyTypes: ['Egress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'nothing' } } }] }] })]), [
    ['y/a', 'x/a', 80, 'TCP', true],
    ['x/a', 'y/a', 80, 'TCP', false],
  ]);
});

test('empty podSelector selects every pod of the policy namespace and nothing elsewhere', () => {
  check(analysis([...base(), netpol('x', 'deny', { podSelector: {}, policyTypes: ['Ingress'] })]), [
    ['y/a', 'x/a', 80, 'TCP', false],
    ['y/a', 'x/b', 80, 'TCP', false],
    ['x/a', 'y/b', 80, 'TCP', true],
  ]);
});

test('peer without namespaceSelector means the policy namespace; namespaceSelector {} means all namespaces', () => {
  check(analysis([...base(), netpol('x', 'p', { podSelector: { matchLabels: { app: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'b' } } }] }] })]), [
    ['x/b', 'x/a', 80, 'TCP', true],
    ['y/b', 'x/a', 80, 'TCP', false],
  ]);
  check(analysis([...base(), netpol('x', 'p', { podSelector: { matchLabels: { app: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'b' } }, namespaceSelector: {} }] }] })]), [
    ['x/b', 'x/a', 80, 'TCP', true],
    ['y/b', 'x/a', 80, 'TCP', true],
    ['y/a', 'x/a', 80, 'TCP', false],
  ]);
});

test('selectors in one peer are ANDed; separate peers are ORed', () => {
  const and = netpol('x', 'p', { podSelector: { matchLabels: { app: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } }, podSelector: { matchLabels: { app: 'b' } } }] }] });
  check(analysis([...base(), and]), [
    ['y/b', 'x/a', 80, 'TCP', true],
    ['y/a', 'x/a', 80, 'TCP', false],
    ['x/b', 'x/a', 80, 'TCP', false],
  ]);
  const or = netpol('x', 'p', { podSelector: { matchLabels: { app: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }, { podSelector: { matchLabels: { app: 'b' } } }] }] });
  check(analysis([...base(), or]), [
    ['y/b', 'x/a', 80, 'TCP', true],
    ['y/a', 'x/a', 80, 'TCP', true],
    ['x/b', 'x/a', 80, 'TCP', true],
  ]);
});

test('matchExpressions: In, NotIn (absent key matches), Exists, DoesNotExist', () => {
  const objs = [...base(), deploy('x', 'tier', { app: 'c', tier: 'web' })];
  const by = (expr: Record<string, unknown>): NetworkAnalysis =>
    analysis([...objs, netpol('x', 'p', { podSelector: { matchLabels: { app: 'a' } }, ingress: [{ from: [{ podSelector: { matchExpressions: [expr] } }] }] })]);
  check(by({ key: 'tier', operator: 'In', values: ['web'] }), [
    ['x/tier', 'x/a', 80, 'TCP', true],
    ['x/b', 'x/a', 80, 'TCP', false],
  ]);
  check(by({ key: 'tier', operator: 'NotIn', values: ['web'] }), [
    ['x/tier', 'x/a', 80, 'TCP', false],
    ['x/b', 'x/a', 80, 'TCP', true],
  ]);
  check(by({ key: 'tier', operator: 'Exists' }), [
    ['x/tier', 'x/a', 80, 'TCP', true],
    ['x/b', 'x/a', 80, 'TCP', false],
  ]);
  check(by({ key: 'tier', operator: 'DoesNotExist' }), [
    ['x/tier', 'x/a', 80, 'TCP', false],
    ['x/b', 'x/a', 80, 'TCP', true],
  ]);
});

test('empty or missing from/to/ports match everything; an empty rule list allows nothing', () => {
  for (const rule of [{}, { from: [] }, { ports: [] }, { from: [], ports: [] }]) {
    check(analysis([...base(), netpol('x', 'p', { podSelector: {}, ingress: [rule] })]), [
      ['y/a', 'x/a', 80, 'TCP', true],
      ['y/a', 'x/a', 5353, 'UDP', true],
      ['1.2.3.4', 'x/a', 22, 'SCTP', true],
    ]);
  }
  check(analysis([...base(), netpol('x', 'p', { podSelector: {}, ingress: [] })]), [['y/a', 'x/a', 80, 'TCP', false]]);
});

test('protocol-only ports and the TCP default', () => {
  check(analysis([...base(), netpol('x', 'p', { podSelector: {}, ingress: [{ ports: [{ protocol: 'UDP' }] }] })]), [
    ['y/a', 'x/a', 53, 'UDP', true],
    ['y/a', 'x/a', 65535, 'UDP', true],
    ['y/a', 'x/a', 53, 'TCP', false],
  ]);
  check(analysis([...base(), netpol('x', 'p', { podSelector: {}, ingress: [{ ports: [{ port: 53 }] }] })]), [
    ['y/a', 'x/a', 53, 'TCP', true],
    ['y/a', 'x/a', 53, 'UDP', false],
  ]);
});

test('endPort: enforced as a range by default; start-only for plugins that ignore it', () => {
  const objs = [...base(), netpol('x', 'p', { podSelector: {}, ingress: [{ ports: [{ port: 8000, endPort: 8080 }] }] })];
  check(analysis(objs), [
    ['y/a', 'x/a', 8000, 'TCP', true],
    ['y/a', 'x/a', 8080, 'TCP', true],
    ['y/a', 'x/a', 8081, 'TCP', false],
    ['y/a', 'x/a', 7999, 'TCP', false],
  ]);
  check(analysis(objs, { profile: { name: 'cilium', endPort: 'start-only', ipBlockMatchesPods: false, ipBlockMatchesNodes: false } }), [
    ['y/a', 'x/a', 8000, 'TCP', true],
    ['y/a', 'x/a', 8001, 'TCP', false],
  ]);
});

test('named ports resolve per destination pod, with protocol match', () => {
  const objs = [
    ...base(),
    deploy('x', 'web1', { role: 'web' }, [{ name: 'http', containerPort: 8080 }]),
    deploy('x', 'web2', { role: 'web' }, [{ name: 'http', containerPort: 9090 }]),
    deploy('x', 'dns', { role: 'web' }, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }]),
  ];
  const ingress = analysis([...objs, netpol('x', 'p', { podSelector: { matchLabels: { role: 'web' } }, ingress: [{ ports: [{ port: 'http' }, { port: 'dns' }] }] })]);
  check(ingress, [
    ['y/a', 'x/web1', 8080, 'TCP', true],
    ['y/a', 'x/web1', 9090, 'TCP', false],
    ['y/a', 'x/web2', 9090, 'TCP', true],
    ['y/a', 'x/web2', 8080, 'TCP', false],
    ['y/a', 'x/dns', 53, 'UDP', false], // named "dns" is UDP, the policy port defaults to TCP
  ]);
  const egress = analysis([...objs, netpol('y', 'p', { podSelector: { matchLabels: { app: 'a' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'http' }, { port: 'dns', protocol: 'UDP' }] }] })]);
  check(egress, [
    ['y/a', 'x/web1', 8080, 'TCP', true],
    ['y/a', 'x/web2', 8080, 'TCP', false],
    ['y/a', 'x/web2', 9090, 'TCP', true],
    ['y/a', 'x/dns', 53, 'UDP', true],
    ['y/a', '8.8.8.8', 8080, 'TCP', false], // a named port never resolves on an external address
  ]);
});

test('ipBlock with except, for external addresses', () => {
  const a = analysis([...base(), netpol('x', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }] })]);
  check(a, [
    ['x/a', '10.2.3.4', 443, 'TCP', true],
    ['x/a', '10.1.2.3', 443, 'TCP', false],
    ['x/a', '11.0.0.1', 443, 'TCP', false],
    ['x/a', '10.2.0.0/16', 443, 'TCP', true],
    ['x/a', '10.0.0.0/8', 443, 'TCP', false], // only part of it is allowed
    ['x/a', 'y/a', 80, 'TCP', false], // generic profile: ipBlock does not match pods
  ]);
  const v6 = analysis([...base(), netpol('x', 'p', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: 'fd00::/8', except: ['fd00:1::/32'] } }] }] })]);
  check(v6, [
    ['fd00:2::1', 'x/a', 80, 'TCP', true],
    ['fd00:1::1', 'x/a', 80, 'TCP', false],
    ['10.0.0.1', 'x/a', 80, 'TCP', false],
  ]);
});

test('ipBlock matching pod IPs depends on the CNI profile and known pod CIDRs', () => {
  const objs = [...base(), netpol('x', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] })];
  const podCidrs = [parseCidr('10.244.0.0/16')];
  check(analysis(objs, { cni: 'calico', podCidrs }), [['x/a', 'y/a', 80, 'TCP', true]]);
  check(analysis(objs, { cni: 'ovn', podCidrs }), [['x/a', 'y/a', 80, 'TCP', true]]);
  check(analysis(objs, { cni: 'cilium', podCidrs }), [['x/a', 'y/a', 80, 'TCP', false]]);
  check(analysis(objs, { cni: 'generic', podCidrs }), [['x/a', 'y/a', 80, 'TCP', false]]);
  check(analysis(objs, { cni: 'calico' }), [['x/a', 'y/a', 80, 'TCP', false]]); // pod CIDR unknown: 10/8 may not hold it
  // Without pod CIDRs pods are assumed IPv4: a block holding every IPv4 address holds them (calico#6634).
  const world = [...base(), netpol('x', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] })];
  check(analysis(world, { cni: 'calico' }), [['x/a', 'y/a', 80, 'TCP', true]]);
  check(analysis(world, { cni: 'generic' }), [['x/a', 'y/a', 80, 'TCP', false]]);
  check(analysis(world, { cni: 'calico', podCidrs: [parseCidr('fd00:10::/56')] }), [['x/a', 'y/a', 80, 'TCP', false]]); // IPv6 pods
});

test('policies are additive, and a connection needs both egress and ingress', () => {
  const objs = [
    ...base(),
    netpol('x', 'p80', { podSelector: { matchLabels: { app: 'a' } }, ingress: [{ ports: [{ port: 80 }] }] }),
    netpol('x', 'p81', { podSelector: { matchLabels: { app: 'a' } }, ingress: [{ ports: [{ port: 81 }] }] }),
    netpol('y', 'egress', { podSelector: { matchLabels: { app: 'b' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 81 }, { port: 82 }] }] }),
  ];
  check(analysis(objs), [
    ['y/a', 'x/a', 80, 'TCP', true],
    ['y/a', 'x/a', 81, 'TCP', true],
    ['y/a', 'x/a', 82, 'TCP', false],
    ['y/b', 'x/a', 80, 'TCP', false], // ingress allows, egress does not
    ['y/b', 'x/a', 81, 'TCP', true],
    ['y/b', 'x/a', 82, 'TCP', false], // egress allows, ingress does not
  ]);
});

test('hostNetwork pods are node traffic: never selected, matched only by ipBlock covering a whole family', () => {
  const objs = [
    ...base(),
    deploy('x', 'agent', { app: 'a' }, [{ containerPort: 9100 }], { hostNetwork: true }),
    netpol('x', 'deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ podSelector: {} }] }] }),
  ];
  check(analysis(objs), [
    ['y/a', 'x/agent', 9100, 'TCP', true], // not selected by podSelector {}
    ['x/agent', 'x/a', 80, 'TCP', false], // podSelector {} peer does not match node traffic
    ['x/b', 'x/a', 80, 'TCP', false], // egress isolated
  ]);
  const world = [...base(), deploy('x', 'agent', { app: 'a' }, [], { hostNetwork: true }), netpol('x', 'p', { podSelector: { matchLabels: { app: 'a' } }, ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] })];
  check(analysis(world), [['x/agent', 'x/a', 80, 'TCP', true]]);
  check(analysis(world, { cni: 'cilium' }), [['x/agent', 'x/a', 80, 'TCP', false]]);
});

test('namespaces carry kubernetes.io/metadata.name even without a Namespace object', () => {
  const objs = [
    deploy('x', 'a', { app: 'a' }),
    deploy('y', 'a', { app: 'a' }),
    deploy('z', 'a', { app: 'a' }),
    netpol('x', 'p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'y' } } }] }] }),
  ];
  check(analysis(objs), [
    ['y/a', 'x/a', 80, 'TCP', true],
    ['z/a', 'x/a', 80, 'TCP', false],
  ]);
});

test('Service ports map to targetPort on each backend (eval)', () => {
  const objs = [
    ...base(),
    deploy('x', 'api', { app: 'api' }, [{ name: 'http', containerPort: 8080 }]),
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'x' }, spec: { selector: { app: 'api' }, ports: [{ name: 'web', port: 80, targetPort: 'http' }] } },
    netpol('x', 'p', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ ports: [{ port: 8080 }] }] }),
  ];
  const a = analysis(objs);
  const r = evaluateConnection(a, { from: 'y/a', to: 'x/api', port: '80' });
  // x/api is a workload, so port 80 is taken literally: denied.
  assert.equal(r.allowed, false);
  const svcObjs = objs.map((o) => (o.kind === 'Service' ? { ...o, metadata: { name: 'api-svc', namespace: 'x' } } : o));
  const viaSvc = evaluateConnection(analysis(svcObjs), { from: 'y/a', to: 'x/api-svc', port: '80' });
  assert.equal(viaSvc.allowed, true);
  assert.equal(viaSvc.service?.backends[0]?.port, 8080);
  const wrongPolicy = svcObjs.map((o) => (o.kind === 'NetworkPolicy' ? netpol('x', 'p', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ ports: [{ port: 80 }] }] }) : o));
  assert.equal(evaluateConnection(analysis(wrongPolicy), { from: 'y/a', to: 'x/api-svc', port: 'web' }).allowed, false);
});

test('values the API server would reject are reported, never guessed', () => {
  const a = analysis([...base(), netpol('x', 'p', { podSelector: {}, policyTypes: ['ingress'], ingress: [{ ports: [{ port: 80, endPort: 70 }] }] })]);
  const messages = a.model.warnings.map((w) => `${w.pointer}: ${w.message}`);
  assert.ok(messages.some((m) => m.startsWith('/spec/policyTypes/0: policyTypes value "ingress"')), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('/spec/ingress/0/ports/0/endPort: endPort 70 is below port 80')), messages.join('\n'));
  // "ingress" is not a policy type: the policy isolates nothing.
  check(a, [['y/a', 'x/a', 81, 'TCP', true]]);
  const valid = analysis([...base(), netpol('x', 'p', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 80, endPort: 90 }] }] })]);
  assert.deepEqual(valid.model.warnings, []);
  check(valid, [['y/a', 'x/a', 91, 'TCP', false]]);
});
