/**
 * AdminNetworkPolicy / BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1), modelled on
 * the network-policy-api conformance suite (conformance/base/admin_network_policy,
 * baseline_admin_network_policy, api_integration): houses gryffindor, hufflepuff, ravenclaw,
 * slytherin and hogwarts-staff; ports TCP 80/8080, UDP 53/5353, SCTP 9003/9005.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { K8sObject } from '../../model/types.js';
import type { AnalysisOptions } from './analysis.js';
import { NetworkAnalysis } from './analysis.js';
import { parseCidr } from './ip.js';
import type { Protocol } from './ports.js';
import { netpol, resource } from './testkit.js';
import { evaluateConnection } from './eval.js';

const NS = (house: string): string => `network-policy-conformance-${house}`;

function house(h: string, pods: string[]): K8sObject[] {
  const ns: K8sObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS(h), labels: { 'conformance-house': h } } };
  return [
    ns,
    ...pods.map(
      (p): K8sObject => ({
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: p, namespace: NS(h) },
        spec: {
          selector: { matchLabels: { 'conformance-house': h, name: p } },
          template: {
            metadata: { labels: { 'conformance-house': h, name: p } },
            spec: {
              containers: [
                { name: 'c80', image: 'agnhost', ports: [{ containerPort: 80, name: 'web', protocol: 'TCP' }] },
                { name: 'c8080', image: 'agnhost', ports: [{ containerPort: 8080, protocol: 'TCP' }] },
                { name: 'c53', image: 'agnhost', ports: [{ containerPort: 53, name: 'dns', protocol: 'UDP' }] },
                { name: 'c5353', image: 'agnhost', ports: [{ containerPort: 5353, protocol: 'UDP' }] },
                { name: 'c9003', image: 'agnhost', ports: [{ containerPort: 9003, protocol: 'SCTP' }] },
                { name: 'c9005', image: 'agnhost', ports: [{ containerPort: 9005, protocol: 'SCTP' }] },
              ],
            },
          },
        },
      }),
    ),
  ];
}

const HOGWARTS: K8sObject[] = [
  ...house('gryffindor', ['harry-potter']),
  ...house('hufflepuff', ['cedric-diggory']),
  ...house('ravenclaw', ['luna-lovegood']),
  ...house('slytherin', ['draco-malfoy']),
  ...house('hogwarts-staff', ['professor-quirrell', 'professor-dumbledore']),
];

const W = {
  harry: `${NS('gryffindor')}/harry-potter`,
  cedric: `${NS('hufflepuff')}/cedric-diggory`,
  luna: `${NS('ravenclaw')}/luna-lovegood`,
  draco: `${NS('slytherin')}/draco-malfoy`,
  quirrell: `${NS('hogwarts-staff')}/professor-quirrell`,
  dumbledore: `${NS('hogwarts-staff')}/professor-dumbledore`,
};

function anp(name: string, priority: number, spec: Record<string, unknown>): K8sObject {
  return { apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name }, spec: { priority, ...spec } };
}
function banp(spec: Record<string, unknown>): K8sObject {
  return { apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' }, spec };
}
const nsSel = (h: string): Record<string, unknown> => ({ matchLabels: { 'kubernetes.io/metadata.name': NS(h) } });

function analysis(extra: K8sObject[], opts: AnalysisOptions = {}): NetworkAnalysis {
  return NetworkAnalysis.fromResources([...HOGWARTS, ...extra].map((o) => resource(o)), opts);
}

type Row = [from: string, to: string, port: number, protocol: Protocol, allowed: boolean];
function check(a: NetworkAnalysis, rows: Row[]): void {
  const byRef = new Map(a.model.workloads.map((w) => [w.ref, w]));
  for (const [from, to, port, proto, want] of rows) {
    const src = byRef.get(from);
    const ext = src ? undefined : parseCidr(from);
    const dstW = byRef.get(to);
    const srcEp = src ? { kind: 'workload' as const, workload: src } : { kind: 'external' as const, range: ext!, text: from };
    const dstEp = dstW ? { kind: 'workload' as const, workload: dstW } : { kind: 'external' as const, range: parseCidr(to), text: to };
    assert.equal(a.allowedPorts(srcEp, dstEp).has(proto, port), want, `${from} -> ${to} ${proto}/${port}`);
    if (src && dstW) {
      let got = false;
      a.workloadConnections((_s, _d, ports) => void (got = ports.has(proto, port)), { src, dst: dstW });
      assert.equal(got, want, `listing ${from} -> ${to} ${proto}/${port}`);
    }
  }
}

const INGRESS_TCP = anp('ingress-tcp', 3, {
  subject: { namespaces: nsSel('gryffindor') },
  ingress: [
    { name: 'allow-from-ravenclaw-everything', action: 'Allow', from: [{ namespaces: nsSel('ravenclaw') }] },
    { name: 'deny-from-ravenclaw-everything', action: 'Deny', from: [{ namespaces: nsSel('ravenclaw') }] },
    { name: 'deny-from-slytherin-at-port-80', action: 'Deny', from: [{ namespaces: nsSel('slytherin') }], ports: [{ portNumber: { protocol: 'TCP', port: 80 } }] },
    { name: 'pass-from-slytherin-at-port-80', action: 'Pass', from: [{ namespaces: nsSel('slytherin') }], ports: [{ portNumber: { protocol: 'TCP', port: 80 } }] },
    { name: 'allow-from-hufflepuff-at-port-80', action: 'Allow', from: [{ namespaces: nsSel('hufflepuff') }], ports: [{ portNumber: { protocol: 'TCP', port: 80 } }] },
    { name: 'deny-from-hufflepuff-everything-else', action: 'Deny', from: [{ namespaces: nsSel('hufflepuff') }] },
    { name: 'deny-from-professor-quirrell-at-port-8080', action: 'Deny', from: [{ pods: { namespaceSelector: nsSel('hogwarts-staff'), podSelector: { matchLabels: { name: 'professor-quirrell' } } } }], ports: [{ portNumber: { protocol: 'TCP', port: 8080 } }] },
    { name: 'allow-from-professor-dumbledore-at-port-8080', action: 'Allow', from: [{ pods: { namespaceSelector: nsSel('hogwarts-staff'), podSelector: { matchLabels: { name: 'professor-dumbledore' } } } }], ports: [{ portNumber: { protocol: 'TCP', port: 8080 } }] },
    { name: 'deny-from-dumbledore-everything-else', action: 'Deny', from: [{ pods: { namespaceSelector: nsSel('hogwarts-staff'), podSelector: { matchLabels: { name: 'professor-dumbledore' } } } }] },
  ],
});

test('ANP ingress TCP rules: first matching rule wins, by port', () => {
  check(analysis([INGRESS_TCP]), [
    [W.luna, W.harry, 80, 'TCP', true], // allow-everything precedes deny-everything
    [W.luna, W.harry, 8080, 'TCP', true],
    [W.draco, W.harry, 80, 'TCP', false], // deny precedes pass on port 80
    [W.draco, W.harry, 8080, 'TCP', true], // no rule: default allow
    [W.cedric, W.harry, 80, 'TCP', true],
    [W.cedric, W.harry, 8080, 'TCP', false],
    [W.cedric, W.harry, 53, 'UDP', false],
    [W.quirrell, W.harry, 8080, 'TCP', false],
    [W.quirrell, W.harry, 80, 'TCP', true],
    [W.dumbledore, W.harry, 8080, 'TCP', true],
    [W.dumbledore, W.harry, 80, 'TCP', false],
    [W.harry, W.draco, 80, 'TCP', true], // subject is only gryffindor
  ]);
});

test('ANP rule order matters: swapping deny and allow for ravenclaw flips the verdict', () => {
  const spec = structuredClone(INGRESS_TCP.spec) as { ingress: unknown[] };
  [spec.ingress[0], spec.ingress[1]] = [spec.ingress[1], spec.ingress[0]];
  check(analysis([{ ...INGRESS_TCP, spec }]), [
    [W.luna, W.harry, 80, 'TCP', false],
    [W.luna, W.harry, 8080, 'TCP', false],
  ]);
});

const NP_ALLOW_SLYTHERIN = netpol(NS('gryffindor'), 'allow-gress-from-to-slytherin-to-gryffindor', {
  podSelector: null,
  policyTypes: ['Ingress', 'Egress'],
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'conformance-house': 'slytherin' } } }] }],
  egress: [{ to: [{ namespaceSelector: { matchLabels: { 'conformance-house': 'slytherin' } } }] }],
});
const PASS_EXAMPLE = (action: 'Deny' | 'Pass'): K8sObject =>
  anp('pass-example', 10, {
    subject: { namespaces: { matchLabels: { 'conformance-house': 'gryffindor' } } },
    ingress: [{ name: 'all-ingress-from-slytherin', action, from: [{ namespaces: { matchLabels: { 'conformance-house': 'slytherin' } } }] }],
    egress: [{ name: 'all-egress-to-slytherin', action, to: [{ namespaces: { matchLabels: { 'conformance-house': 'slytherin' } } }] }],
  });
const BANP_DENY_SLYTHERIN = banp({
  subject: { namespaces: { matchLabels: { 'conformance-house': 'gryffindor' } } },
  ingress: [{ name: 'deny-all-ingress-from-slytherin', action: 'Deny', from: [{ namespaces: { matchLabels: { 'conformance-house': 'slytherin' } } }] }],
  egress: [{ name: 'deny-all-egress-to-slytherin', action: 'Deny', to: [{ namespaces: { matchLabels: { 'conformance-house': 'slytherin' } } }] }],
});

test('ANP + NetworkPolicy + BANP integration (api_integration/core-anp-np-banp)', () => {
  // ANP Deny beats a NetworkPolicy Allow.
  check(analysis([PASS_EXAMPLE('Deny'), NP_ALLOW_SLYTHERIN, BANP_DENY_SLYTHERIN]), [
    [W.draco, W.harry, 80, 'TCP', false],
    [W.harry, W.draco, 8080, 'TCP', false],
    [W.luna, W.harry, 80, 'TCP', false], // NP isolates harry; only slytherin allowed
  ]);
  // Pass hands over to the NetworkPolicy, which allows.
  check(analysis([PASS_EXAMPLE('Pass'), NP_ALLOW_SLYTHERIN, BANP_DENY_SLYTHERIN]), [
    [W.draco, W.harry, 80, 'TCP', true],
    [W.harry, W.draco, 53, 'UDP', true],
  ]);
  // Pass with no NetworkPolicy: the baseline decides (deny).
  check(analysis([PASS_EXAMPLE('Pass'), BANP_DENY_SLYTHERIN]), [
    [W.draco, W.harry, 80, 'TCP', false],
    [W.harry, W.draco, 80, 'TCP', false],
    [W.luna, W.harry, 80, 'TCP', true], // baseline does not match: default allow
  ]);
  // NetworkPolicy isolation means the baseline is never consulted.
  check(analysis([NP_ALLOW_SLYTHERIN, BANP_DENY_SLYTHERIN]), [[W.draco, W.harry, 80, 'TCP', true]]);
});

test('ANP priority: the lower number wins, whatever the input order', () => {
  const allow = anp('allow-ravenclaw', 5, { subject: { namespaces: nsSel('gryffindor') }, ingress: [{ name: 'a', action: 'Allow', from: [{ namespaces: nsSel('ravenclaw') }] }] });
  const deny = anp('deny-ravenclaw', 6, { subject: { namespaces: nsSel('gryffindor') }, ingress: [{ name: 'd', action: 'Deny', from: [{ namespaces: nsSel('ravenclaw') }] }] });
  check(analysis([deny, allow]), [[W.luna, W.harry, 80, 'TCP', true]]);
  const deny4 = { ...deny, spec: { ...(deny.spec as object), priority: 4 } };
  check(analysis([allow, deny4]), [[W.luna, W.harry, 80, 'TCP', false]]);
});

test('ANP same priority is reported as undefined order', () => {
  const a = anp('a', 7, { subject: { namespaces: {} }, ingress: [{ name: 'x', action: 'Allow', from: [{ namespaces: {} }] }] });
  const b = anp('b', 7, { subject: { namespaces: {} }, ingress: [{ name: 'y', action: 'Deny', from: [{ namespaces: {} }] }] });
  const an = analysis([a, b]);
  assert.ok(an.model.warnings.some((w) => w.message.includes('same priority 7')));
  const distinct = analysis([a, { ...b, spec: { ...(b.spec as object), priority: 8 } }]);
  assert.ok(!distinct.model.warnings.some((w) => w.message.includes('same priority')));
});

test('ANP ports: namedPort resolves on the destination; portRange; protocol must match', () => {
  const p = anp('ports', 1, {
    subject: { namespaces: nsSel('gryffindor') },
    ingress: [
      { name: 'allow-web', action: 'Allow', from: [{ namespaces: {} }], ports: [{ namedPort: 'web' }] },
      { name: 'allow-sctp-range', action: 'Allow', from: [{ namespaces: {} }], ports: [{ portRange: { protocol: 'SCTP', start: 9000, end: 9004 } }] },
      { name: 'deny-rest', action: 'Deny', from: [{ namespaces: {} }] },
    ],
  });
  check(analysis([p]), [
    [W.luna, W.harry, 80, 'TCP', true],
    [W.luna, W.harry, 8080, 'TCP', false],
    [W.luna, W.harry, 9003, 'SCTP', true],
    [W.luna, W.harry, 9005, 'SCTP', false],
    [W.luna, W.harry, 9003, 'TCP', false],
  ]);
});

test('ANP egress to networks (external CIDRs) and the pods peer', () => {
  const p = anp('egress', 2, {
    subject: { pods: { namespaceSelector: nsSel('gryffindor'), podSelector: { matchLabels: { name: 'harry-potter' } } } },
    egress: [
      { name: 'allow-dns-net', action: 'Allow', to: [{ networks: ['10.96.0.0/12'] }], ports: [{ portNumber: { protocol: 'UDP', port: 53 } }] },
      { name: 'allow-quirrell', action: 'Allow', to: [{ pods: { namespaceSelector: nsSel('hogwarts-staff'), podSelector: { matchLabels: { name: 'professor-quirrell' } } } }] },
      { name: 'deny-dumbledore', action: 'Deny', to: [{ pods: { namespaceSelector: nsSel('hogwarts-staff'), podSelector: { matchLabels: { name: 'professor-dumbledore' } } } }] },
      { name: 'deny-other-nets', action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] },
    ],
  });
  check(analysis([p]), [
    [W.harry, '10.96.0.10', 53, 'UDP', true],
    [W.harry, '10.96.0.10', 443, 'TCP', false],
    [W.harry, '8.8.8.8', 443, 'TCP', false],
    [W.harry, W.dumbledore, 80, 'TCP', false],
    [W.harry, W.quirrell, 80, 'TCP', true],
    [W.harry, W.luna, 80, 'TCP', false], // 0.0.0.0/0 covers IPv4 pod traffic too
    [W.cedric, '8.8.8.8', 443, 'TCP', true], // not a subject
  ]);
});

test('BANP alone: Allow and Deny in order, others default-allowed', () => {
  const b = banp({
    subject: { namespaces: {} },
    ingress: [
      { name: 'allow-staff', action: 'Allow', from: [{ namespaces: nsSel('hogwarts-staff') }] },
      { name: 'deny-all', action: 'Deny', from: [{ namespaces: {} }] },
    ],
  });
  check(analysis([b]), [
    [W.dumbledore, W.harry, 80, 'TCP', true],
    [W.luna, W.harry, 80, 'TCP', false],
    ['192.0.2.1', W.harry, 80, 'TCP', true], // ingress peers cannot select external addresses
  ]);
});

test('eval explains ANP and BANP verdicts', () => {
  const a = analysis([PASS_EXAMPLE('Pass'), BANP_DENY_SLYTHERIN]);
  const r = evaluateConnection(a, { from: W.draco, to: W.harry, port: '80' });
  assert.equal(r.allowed, false);
  assert.deepEqual(
    r.egress.decidedBy.map((d) => [d.tier, d.action]),
    [['default', 'Allow']],
  );
  assert.deepEqual(
    r.ingress.decidedBy.map((d) => [d.tier, d.action, d.policy]),
    [
      ['admin', 'Pass', 'AdminNetworkPolicy/pass-example'],
      ['baseline', 'Deny', 'BaselineAdminNetworkPolicy/default'],
    ],
  );
});

test('legacy v0.1.0 peer shape (namespaces.namespaceSelector, pods.namespaces) is read too', () => {
  const legacy = anp('legacy', 1, {
    subject: { namespaces: nsSel('gryffindor') },
    ingress: [
      { name: 'deny-slytherin', action: 'Deny', from: [{ namespaces: { namespaceSelector: nsSel('slytherin') } }] },
      { name: 'deny-quirrell', action: 'Deny', from: [{ pods: { namespaces: { namespaceSelector: nsSel('hogwarts-staff') }, podSelector: { matchLabels: { name: 'professor-quirrell' } } } }] },
    ],
  });
  check(analysis([legacy]), [
    [W.draco, W.harry, 80, 'TCP', false],
    [W.quirrell, W.harry, 80, 'TCP', false],
    [W.dumbledore, W.harry, 80, 'TCP', true],
  ]);
});

test('eval of a CIDR: allowed only if every address is, also with ANP network peers', () => {
  const p = anp('egress-nets', 2, {
    subject: { namespaces: nsSel('gryffindor') },
    egress: [{ name: 'deny-part', action: 'Deny', to: [{ networks: ['10.1.0.0/16'] }] }],
  });
  const a = analysis([p]);
  assert.equal(evaluateConnection(a, { from: W.harry, to: '10.0.0.0/8', port: '443' }).allowed, false);
  assert.equal(evaluateConnection(a, { from: W.harry, to: '10.2.0.0/16', port: '443' }).allowed, true);
  const denied = evaluateConnection(a, { from: W.harry, to: '10.0.0.0/8', port: '443' });
  assert.deepEqual(denied.egress.decidedBy.map((d) => d.ruleName), ['deny-part']);
});

test('ANP networks peers also match pod traffic (a CIDR holding the pod CIDR)', () => {
  const p = anp('nets', 1, {
    subject: { namespaces: nsSel('gryffindor') },
    egress: [{ name: 'deny-all-v4', action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }],
  });
  check(analysis([p]), [
    [W.harry, W.luna, 80, 'TCP', false], // pods assumed IPv4: 0.0.0.0/0 holds them
    [W.harry, '8.8.8.8', 80, 'TCP', false],
  ]);
  check(analysis([p], { podCidrs: [parseCidr('fd00:10::/56')] }), [[W.harry, W.luna, 80, 'TCP', true]]); // IPv6 pods
  const narrow = anp('nets', 1, { subject: { namespaces: nsSel('gryffindor') }, egress: [{ name: 'deny-10', action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }] }] });
  check(analysis([narrow], { podCidrs: [parseCidr('10.244.0.0/16')] }), [[W.harry, W.luna, 80, 'TCP', false]]);
  check(analysis([narrow]), [[W.harry, W.luna, 80, 'TCP', true]]); // pod CIDR unknown: not assumed inside 10/8
});
