/**
 * Upstream e2e netpol cases (kubernetes/kubernetes test/e2e/network/netpol/network_policy.go),
 * translated to data: same topology (namespaces x, y, z; pods a, b, c; ports 80/81; TCP/UDP/SCTP),
 * same policies, same expected truth tables. Every case is checked twice: by the exact per-pair
 * decision and by the fast all-pairs listing, which must agree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { K8sObject } from '../../model/types.js';
import { NetworkAnalysis } from './analysis.js';
import type { Protocol } from './ports.js';
import { PortSet } from './ports.js';
import { Reachability, e2eCluster, mismatchTable, netpol } from './testkit.js';
import type { CniName } from './cni.js';

const PODS = ['x/a', 'x/b', 'x/c', 'y/a', 'y/b', 'y/c', 'z/a', 'z/b', 'z/c'];
const NS_KEY = 'kubernetes.io/metadata.name';

interface Check {
  port: number;
  protocol: Protocol;
  reach: (r: Reachability) => Reachability;
}

interface Case {
  name: string;
  policies: K8sObject[];
  checks: Check[];
  cni?: CniName;
  /** End state of upstream cases that relabel pods or namespaces mid-test. */
  podLabels?: Record<string, Record<string, string>>;
  namespaceLabels?: Record<string, Record<string, string>>;
}

const tcp80 = (reach: Check['reach']): Check => ({ port: 80, protocol: 'TCP', reach });
const tcp81 = (reach: Check['reach']): Check => ({ port: 81, protocol: 'TCP', reach });
const allTrue = (r: Reachability): Reachability => r;

const CASES: Case[] = [
  {
    name: "should support a 'default-deny-ingress' policy",
    policies: [netpol('x', 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] })],
    checks: [tcp80((r) => r.expectPeer({}, { namespace: 'x' }, false))],
  },
  {
    name: "should support a 'default-deny-all' policy",
    policies: [netpol('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })],
    checks: [tcp80((r) => r.expectPeer({}, { namespace: 'x' }, false).expectPeer({ namespace: 'x' }, {}, false))],
  },
  {
    name: 'should enforce policy to allow traffic from pods within server namespace based on PodSelector',
    policies: [netpol('x', 'x-a-allows-x-b', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80((r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true))],
  },
  {
    name: 'should enforce policy to allow ingress traffic for a target',
    policies: [
      netpol('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress'] }),
      netpol('x', 'allow-all-to-a', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: {}, namespaceSelector: {} }] }], policyTypes: ['Ingress'] }),
    ],
    checks: [tcp80((r) => r.expectAllIngress('x/a', true).expectAllIngress('x/b', false).expectAllIngress('x/c', false))],
  },
  {
    name: 'should enforce policy to allow ingress traffic from pods in all namespaces',
    policies: [netpol('x', 'allow-from-another-ns', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: {} } }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80(allTrue)],
  },
  {
    name: 'should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector',
    policies: [netpol('x', 'allow-client-a-via-ns-selector', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_KEY]: 'y' } } }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80((r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false))],
  },
  {
    name: 'should enforce policy based on PodSelector with MatchExpressions',
    policies: [netpol('x', 'x-a-allows-x-b', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b'] }] } }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80((r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true))],
  },
  {
    name: 'should enforce policy based on NamespaceSelector with MatchExpressions',
    policies: [netpol('x', 'allow-ns-y-match-selector', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: NS_KEY, operator: 'In', values: ['y'] }] } }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80((r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false))],
  },
  {
    name: 'should enforce policy based on PodSelector or NamespaceSelector',
    policies: [
      netpol('x', 'allow-ns-y-match-selector', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: NS_KEY, operator: 'NotIn', values: ['x'] }] } }, { podSelector: { matchLabels: { pod: 'b' } } }] }],
        policyTypes: ['Ingress'],
      }),
    ],
    checks: [tcp80((r) => r.expect('x/a', 'x/a', false).expect('x/c', 'x/a', false))],
  },
  {
    name: 'should enforce policy based on PodSelector and NamespaceSelector',
    policies: [
      netpol('x', 'allow-ns-y-podselector-and-nsselector', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: NS_KEY, operator: 'NotIn', values: ['x'] }] }, podSelector: { matchLabels: { pod: 'b' } } }] }],
        policyTypes: ['Ingress'],
      }),
    ],
    checks: [tcp80((r) => r.expectAllIngress('x/a', false).expect('y/b', 'x/a', true).expect('z/b', 'x/a', true))],
  },
  {
    name: 'should enforce policy based on Multiple PodSelectors and NamespaceSelectors',
    policies: [
      netpol('x', 'allow-ns-y-z-pod-b-c', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: NS_KEY, operator: 'NotIn', values: ['x'] }] }, podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b', 'c'] }] } }] }],
        policyTypes: ['Ingress'],
      }),
    ],
    checks: [tcp80((r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expect('y/a', 'x/a', false).expect('z/a', 'x/a', false))],
  },
  {
    name: 'should enforce policy based on any PodSelectors',
    policies: [netpol('x', 'allow-ns-x-pod-b-c', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }, { podSelector: { matchLabels: { pod: 'c' } } }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80((r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true).expect('x/c', 'x/a', true))],
  },
  {
    name: 'should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector',
    policies: [
      netpol('x', 'allow-ns-y-pod-a-via-namespace-pod-selector', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_KEY]: 'y' } }, podSelector: { matchLabels: { pod: 'a' } } }] }],
        policyTypes: ['Ingress'],
      }),
    ],
    checks: [tcp80((r) => r.expectAllIngress('x/a', false).expect('y/a', 'x/a', true))],
  },
  {
    name: 'should enforce policy based on Ports',
    policies: [netpol('x', 'allow-client-a-via-ns-selector', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_KEY]: 'y' } } }], ports: [{ port: 81, protocol: 'TCP' }] }], policyTypes: ['Ingress'] })],
    checks: [
      tcp81((r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'y' }, { namespace: 'x', pod: 'a' }, true).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false)),
      tcp80((r) => r.expectAllIngress('x/a', false)),
    ],
  },
  {
    name: 'should enforce multiple, stacked policies with overlapping podSelectors',
    policies: [
      netpol('x', 'allow-client-a-via-ns-selector', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_KEY]: 'y' } } }], ports: [{ port: 81, protocol: 'TCP' }] }], policyTypes: ['Ingress'] }),
      netpol('x', 'allow-client-a-via-ns-selector-80', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_KEY]: 'y' } } }], ports: [{ port: 80, protocol: 'TCP' }] }], policyTypes: ['Ingress'] }),
    ],
    checks: [80, 81].map((port) => ({
      port,
      protocol: 'TCP' as const,
      reach: (r: Reachability) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'y' }, { namespace: 'x', pod: 'a' }, true).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false),
    })),
  },
  {
    name: 'should support allow-all policy',
    policies: [netpol('x', 'allow-all', { podSelector: {}, ingress: [{}], policyTypes: ['Ingress'] })],
    checks: [tcp80(allTrue), tcp81(allTrue)],
  },
  {
    name: 'should allow ingress access on one named port',
    policies: [netpol('x', 'allow-all', { podSelector: {}, ingress: [{ ports: [{ port: 'serve-81-tcp' }] }], policyTypes: ['Ingress'] })],
    checks: [tcp81(allTrue), tcp80((r) => r.expectPeer({}, { namespace: 'x' }, false))],
  },
  {
    name: 'should allow ingress access from namespace on one named port',
    policies: [netpol('x', 'allow-client-a-via-ns-selector-80', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_KEY]: 'y' } } }], ports: [{ port: 'serve-80-tcp', protocol: 'TCP' }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80((r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false)), tcp81((r) => r.expectAllIngress('x/a', false))],
  },
  {
    name: 'should allow egress access on one named port',
    policies: [netpol('x', 'allow-egress', { podSelector: {}, egress: [{ ports: [{ port: 'serve-80-tcp' }] }], policyTypes: ['Egress'] })],
    checks: [tcp80(allTrue), tcp81((r) => r.expectPeer({ namespace: 'x' }, {}, false))],
  },
  {
    name: 'should deny ingress from pods on other namespaces',
    policies: [netpol('x', 'deny-empty-policy', { podSelector: {}, ingress: [{ from: [{ podSelector: {} }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80((r) => r.expectPeer({ namespace: 'y' }, { namespace: 'x' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x' }, false))],
  },
  {
    name: 'should deny egress from pods based on PodSelector',
    policies: [netpol('x', 'deny-egress-pod-a', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'] })],
    checks: [tcp80((r) => r.expectAllEgress('x/a', false))],
  },
  {
    name: 'should deny egress from all pods in a namespace',
    policies: [netpol('x', 'deny-egress-ns-x', { podSelector: {}, policyTypes: ['Egress'] })],
    checks: [tcp80((r) => r.expectPeer({ namespace: 'x' }, {}, false))],
  },
  {
    name: 'should work with Ingress, Egress specified together',
    policies: [
      netpol('x', 'allow-client-a-via-pod-selector', {
        podSelector: { matchLabels: { pod: 'a' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }],
        egress: [{ ports: [{ port: 80 }] }],
        policyTypes: ['Egress', 'Ingress'],
      }),
    ],
    checks: [
      tcp80((r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true)),
      tcp81((r) => r.expectAllIngress('x/a', false).expectAllEgress('x/a', false).expect('x/b', 'x/a', true)),
    ],
  },
  {
    name: 'should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)',
    policies: [
      netpol('x', 'allow-to-ns-y-pod-a', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{ to: [{ namespaceSelector: { matchLabels: { [NS_KEY]: 'y' } }, podSelector: { matchLabels: { pod: 'a' } } }] }], policyTypes: ['Egress'] }),
      netpol('y', 'allow-from-xa-on-ya-match-selector', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_KEY]: 'x' } }, podSelector: { matchLabels: { pod: 'a' } } }] }], policyTypes: ['Ingress'] }),
      netpol('y', 'allow-from-xa-on-yb-match-selector', { podSelector: { matchLabels: { pod: 'b' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_KEY]: 'x' } }, podSelector: { matchLabels: { pod: 'a' } } }] }], policyTypes: ['Ingress'] }),
    ],
    checks: [
      tcp80((r) =>
        r
          .expectPeer({ namespace: 'x', pod: 'a' }, {}, false)
          .expectPeer({}, { namespace: 'y', pod: 'a' }, false)
          .expectPeer({ namespace: 'x', pod: 'a' }, { namespace: 'y', pod: 'a' }, true)
          .expectPeer({}, { namespace: 'y', pod: 'b' }, false),
      ),
    ],
  },
  {
    name: 'should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector',
    policies: [netpol('x', 'allow-to-ns-y-pod-a', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{ to: [{ namespaceSelector: { matchLabels: { ns: 'y' } }, podSelector: { matchLabels: { pod: 'a' } } }] }], policyTypes: ['Egress'] })],
    checks: [tcp80((r) => r.expectAllEgress('x/a', false).expect('x/a', 'y/a', true))],
  },
  {
    name: 'should enforce ingress policy allowing any port traffic to a server on a specific protocol',
    policies: [netpol('x', 'allow-ingress-by-proto', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ ports: [{ protocol: 'TCP' }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80(allTrue), tcp81(allTrue), { port: 80, protocol: 'UDP', reach: (r) => r.expectAllIngress('x/a', false) }],
  },
  {
    name: 'should enforce multiple ingress policies with ingress allow-all policy taking precedence',
    policies: [
      netpol('x', 'allow-ingress-port-80', { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }], policyTypes: ['Ingress'] }),
      netpol('x', 'allow-ingress', { podSelector: {}, ingress: [{}], policyTypes: ['Ingress'] }),
    ],
    checks: [tcp81(allTrue)],
  },
  {
    name: 'should enforce multiple ingress policies with ingress allow-all policy taking precedence (first stage: port 80 only)',
    policies: [netpol('x', 'allow-ingress-port-80', { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }], policyTypes: ['Ingress'] })],
    checks: [tcp81((r) => r.expectPeer({}, { namespace: 'x' }, false)), tcp80(allTrue)],
  },
  {
    name: 'should enforce multiple egress policies with egress allow-all policy taking precedence',
    policies: [
      netpol('x', 'allow-egress-port-80', { podSelector: {}, egress: [{ ports: [{ port: 80 }] }], policyTypes: ['Egress'] }),
      netpol('x', 'allow-egress', { podSelector: {}, egress: [{}], policyTypes: ['Egress'] }),
    ],
    checks: [tcp81(allTrue)],
  },
  {
    name: 'should enforce multiple egress policies with egress allow-all policy taking precedence (first stage: port 80 only)',
    policies: [netpol('x', 'allow-egress-port-80', { podSelector: {}, egress: [{ ports: [{ port: 80 }] }], policyTypes: ['Egress'] })],
    checks: [tcp81((r) => r.expectPeer({ namespace: 'x' }, {}, false)), tcp80(allTrue)],
  },
  {
    name: 'should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector',
    policies: [
      netpol('x', 'allow-egress-for-target', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{}], policyTypes: ['Egress'] }),
      netpol('x', 'deny-ingress-via-label-selector', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'] }),
    ],
    checks: [tcp80((r) => r.expectAllIngress('x/a', false))],
  },
  {
    name: 'should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector (first stage: egress allow only)',
    policies: [netpol('x', 'allow-egress-for-target', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{}], policyTypes: ['Egress'] })],
    checks: [tcp80(allTrue)],
  },
  {
    name: "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the plugin doesn't support SCTP",
    policies: [
      netpol('x', 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }),
      netpol('x', 'allow-only-sctp-ingress-on-port-81', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ ports: [{ port: 81, protocol: 'SCTP' }] }], policyTypes: ['Ingress'] }),
    ],
    checks: [tcp81((r) => r.expectPeer({}, { namespace: 'x' }, false)), { port: 81, protocol: 'SCTP', reach: (r) => r.expectPeer({}, { namespace: 'x', pod: 'b' }, false).expectPeer({}, { namespace: 'x', pod: 'c' }, false) }],
  },
  {
    name: "should properly isolate pods that are selected by a policy allowing SCTP, even if the plugin doesn't support SCTP",
    policies: [netpol('x', 'allow-only-sctp-ingress-on-port-80', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ ports: [{ port: 80, protocol: 'SCTP' }] }], policyTypes: ['Ingress'] })],
    checks: [tcp81((r) => r.expectAllIngress('x/a', false))],
  },
  {
    name: 'should not allow access by TCP when a policy specifies only UDP',
    policies: [netpol('x', 'allow-only-udp-ingress-on-port-81', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ ports: [{ port: 81, protocol: 'UDP' }] }], policyTypes: ['Ingress'] })],
    checks: [tcp81((r) => r.expectAllIngress('x/a', false)), { port: 81, protocol: 'UDP', reach: allTrue }],
  },
  ...(['UDP', 'SCTP'] as const).map(
    (protocol): Case => ({
      name: `should support a 'default-deny-ingress' policy [Feature:${protocol}]`,
      policies: [netpol('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress'] })],
      checks: [{ port: 80, protocol, reach: (r) => r.expectPeer({}, { namespace: 'x' }, false) }],
    }),
  ),
  ...(['UDP', 'SCTP'] as const).map(
    (protocol): Case => ({
      name: `should enforce policy based on Ports [Feature:${protocol}]`,
      policies: [netpol('x', 'allow-ingress-on-port-81-ns-x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } } }], ports: [{ port: 81, protocol }] }], policyTypes: ['Ingress'] })],
      checks: [{ port: 81, protocol, reach: (r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false) }],
    }),
  ),
  ...(['UDP', 'SCTP'] as const).map(
    (protocol): Case => ({
      name: `should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector [Feature:${protocol}]`,
      policies: [
        netpol('x', 'allow-ns-y-pod-a-via-namespace-pod-selector', {
          podSelector: { matchLabels: { pod: 'a' } },
          ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns: 'y' } }, podSelector: { matchLabels: { pod: 'a' } } }] }],
          policyTypes: ['Ingress'],
        }),
      ],
      checks: [{ port: 80, protocol, reach: (r) => r.expectAllIngress('x/a', false).expect('y/a', 'x/a', true) }],
    }),
  ),
  {
    name: 'should enforce policy to allow traffic based on NamespaceSelector with MatchLabels using default ns label',
    policies: [netpol('x', 'allow-client-a-via-ns-selector-for-immutable-ns-label', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_KEY]: 'y' } } }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80((r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false))],
  },
  {
    name: 'should enforce policy based on NamespaceSelector with MatchExpressions using default ns label',
    policies: [netpol('x', 'allow-ns-y-match-selector-for-immutable-ns-label', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: NS_KEY, operator: 'NotIn', values: ['y'] }] } }] }], policyTypes: ['Egress'] })],
    checks: [tcp80((r) => r.expectPeer({ namespace: 'x', pod: 'a' }, { namespace: 'y' }, false))],
  },
  {
    name: 'should enforce updated policy (end state: allow-all mutated to deny-all)',
    policies: [netpol('x', 'allow-all-mutate-to-deny-all', { podSelector: {}, ingress: [], policyTypes: ['Ingress'] })],
    checks: [tcp81((r) => r.expectPeer({}, { namespace: 'x' }, false))],
  },
  {
    name: 'should allow ingress access from updated namespace (before the label)',
    policies: [netpol('x', 'allow-client-a-via-ns-selector', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns2: 'updated' } } }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80((r) => r.expectAllIngress('x/a', false))],
  },
  {
    name: 'should allow ingress access from updated namespace (after the label)',
    namespaceLabels: { y: { ns2: 'updated' } },
    policies: [netpol('x', 'allow-client-a-via-ns-selector', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns2: 'updated' } } }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80((r) => r.expectAllIngress('x/a', false).expectPeer({ namespace: 'y' }, {}, true))],
  },
  {
    name: 'should allow ingress access from updated pod (after the label)',
    podLabels: { 'x/b': { pod2: 'updated' } },
    policies: [netpol('x', 'allow-client-a-via-pod-selector', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b', pod2: 'updated' } } }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80((r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true))],
  },
  {
    name: 'should deny ingress access to updated pod (before and after the label)',
    policies: [netpol('x', 'deny-ingress-via-label-selector', { podSelector: { matchLabels: { target: 'isolated' } }, policyTypes: ['Ingress'] })],
    checks: [tcp80(allTrue)],
  },
  {
    name: 'should deny ingress access to updated pod (after the label)',
    podLabels: { 'x/a': { target: 'isolated' } },
    policies: [netpol('x', 'deny-ingress-via-label-selector', { podSelector: { matchLabels: { target: 'isolated' } }, policyTypes: ['Ingress'] })],
    checks: [tcp80((r) => r.expectAllIngress('x/a', false))],
  },
  {
    name: 'should stop enforcing policies after they are deleted (while present)',
    policies: [netpol('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })],
    checks: [tcp80((r) => r.expectPeer({ namespace: 'x' }, {}, false).expectPeer({}, { namespace: 'x' }, false))],
  },
  {
    name: 'should stop enforcing policies after they are deleted (after deletion)',
    policies: [],
    checks: [tcp80(allTrue)],
  },
  {
    name: 'should enforce ingress policy allowing a port range (endPort)',
    policies: [netpol('x', 'allow-80-81', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ ports: [{ port: 80, endPort: 81, protocol: 'TCP' }] }], policyTypes: ['Ingress'] })],
    checks: [tcp80(allTrue), tcp81(allTrue), { port: 80, protocol: 'UDP', reach: (r) => r.expectAllIngress('x/a', false) }],
  },
  {
    name: 'should enforce egress policy allowing a port range (endPort) that excludes 80',
    policies: [netpol('x', 'allow-81-90', { podSelector: { matchLabels: { pod: 'a' } }, egress: [{ ports: [{ port: 81, endPort: 90, protocol: 'TCP' }] }], policyTypes: ['Egress'] })],
    checks: [tcp80((r) => r.expectAllEgress('x/a', false)), tcp81(allTrue)],
  },
];

function verdicts(c: Case): { exact: (f: string, t: string, p: number, proto: Protocol) => boolean; listed: (f: string, t: string, p: number, proto: Protocol) => boolean } {
  const opts: Parameters<typeof e2eCluster>[2] = {};
  if (c.podLabels) opts.podLabels = c.podLabels;
  if (c.namespaceLabels) opts.namespaceLabels = c.namespaceLabels;
  const a = NetworkAnalysis.fromResources(e2eCluster(PODS, c.policies, opts), c.cni ? { cni: c.cni } : {});
  const byRef = new Map(a.model.workloads.map((w) => [w.ref, w]));
  const listed = new Map<string, PortSet>();
  a.workloadConnections((s, d, ports) => listed.set(`${s.ref}>${d.ref}`, ports));
  return {
    exact: (f, t, p, proto) => a.allowedPorts({ kind: 'workload', workload: byRef.get(f)! }, { kind: 'workload', workload: byRef.get(t)! }).has(proto, p),
    listed: (f, t, p, proto) => listed.get(`${f}>${t}`)?.has(proto, p) ?? false,
  };
}

for (const c of CASES) {
  test(`e2e: ${c.name}`, () => {
    const v = verdicts(c);
    for (const check of c.checks) {
      const r = check.reach(new Reachability(PODS, true));
      const exact = mismatchTable(r, (f, t) => v.exact(f, t, check.port, check.protocol));
      assert.deepEqual(exact, [], `exact decision, ${check.protocol}/${check.port}`);
      const listed = mismatchTable(r, (f, t) => v.listed(f, t, check.port, check.protocol));
      assert.deepEqual(listed, [], `connectivity list, ${check.protocol}/${check.port}`);
    }
  });
}

test('e2e harness catches a wrong expectation (guards against vacuous tables)', () => {
  const c = CASES[0]!;
  const v = verdicts(c);
  const wrong = new Reachability(PODS, true); // claims everything is reachable despite default deny
  assert.ok(mismatchTable(wrong, (f, t) => v.exact(f, t, 80, 'TCP')).length > 0);
});
