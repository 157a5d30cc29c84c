import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadText } from '../../input/text.js';
import { Inventory } from '../../model/inventory.js';
import { testControl } from '../controls/tester.js';
import {
  analysisOf,
  namespaceNoDefaultDenyEgress,
  namespaceNoDefaultDenyIngress,
  namespaceWithoutNetworkPolicy,
  policyNamesMissingPort,
  policySelectsNothing,
  workloadReachableFromAll,
} from './controls.js';

const NS_X = `apiVersion: v1
kind: Namespace
metadata: { name: x }
`;
const DEPLOY_A = `apiVersion: apps/v1
kind: Deployment
metadata: { name: a, namespace: x }
spec:
  selector: { matchLabels: { app: a } }
  template:
    metadata: { labels: { app: a } }
    spec:
      containers:
      - name: c
        image: nginx
        ports: [{ name: http, containerPort: 8080 }]
`;
const DEPLOY_B = `apiVersion: apps/v1
kind: Deployment
metadata: { name: b, namespace: x }
spec:
  selector: { matchLabels: { app: b } }
  template:
    metadata: { labels: { app: b } }
    spec:
      containers: [{ name: c, image: nginx }]
`;
const DENY_ALL = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: x }
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;
const DENY_INGRESS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny-ingress, namespace: x }
spec:
  podSelector: {}
`;
const docs = (...d: string[]): string => d.join('---\n');

testControl(namespaceWithoutNetworkPolicy, {
  valid: [
    { name: 'namespace with a default deny', yaml: docs(NS_X, DEPLOY_A, DENY_ALL) },
    { name: 'ignored namespace', yaml: docs(NS_X, DEPLOY_A), params: { ignoreNamespaces: ['x'] } },
  ],
  invalid: [
    { name: 'Namespace object without policies', yaml: docs(NS_X, DEPLOY_A), findings: [{ message: 'namespace "x" has no NetworkPolicy: all its pods are open for ingress and egress', path: '/metadata/name', resource: 'x', line: 3 }] },
    {
      name: 'no Namespace object: reported once, on the first workload',
      yaml: docs(DEPLOY_A, DEPLOY_B),
      findings: [{ message: 'namespace "x" has no NetworkPolicy: all its pods are open for ingress and egress', path: '/metadata', resource: 'a' }],
    },
  ],
});

testControl(namespaceNoDefaultDenyIngress, {
  valid: [
    { name: 'deny all', yaml: docs(NS_X, DEPLOY_A, DENY_ALL) },
    { name: 'deny ingress by defaulting (no policyTypes)', yaml: docs(NS_X, DEPLOY_A, DENY_INGRESS) },
  ],
  invalid: [
    {
      name: 'only a policy for one workload',
      yaml: docs(
        NS_X,
        DEPLOY_A,
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: only-a, namespace: x }
spec:
  podSelector: { matchLabels: { app: a } }
`,
      ),
      findings: [{ message: 'namespace "x" has no NetworkPolicy selecting all pods for ingress (default deny)', path: '/metadata/name', resource: 'x' }],
    },
  ],
});

testControl(namespaceNoDefaultDenyEgress, {
  valid: [{ name: 'deny all', yaml: docs(NS_X, DEPLOY_A, DENY_ALL) }],
  invalid: [
    {
      name: 'ingress default deny does not cover egress',
      yaml: docs(NS_X, DEPLOY_A, DENY_INGRESS),
      findings: [{ message: 'namespace "x" has no NetworkPolicy selecting all pods for egress (default deny)', path: '/metadata/name', resource: 'x' }],
    },
  ],
});

testControl(workloadReachableFromAll, {
  valid: [
    { name: 'isolated by a default deny', yaml: docs(NS_X, DEPLOY_A, DEPLOY_B, DENY_INGRESS) },
    {
      name: 'allows only one client',
      yaml: docs(
        NS_X,
        DEPLOY_A,
        DEPLOY_B,
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: x }
spec:
  podSelector: {}
  ingress: [{ from: [{ podSelector: { matchLabels: { app: b } } }] }]
`,
      ),
    },
  ],
  invalid: [
    {
      name: 'no policy at all',
      yaml: docs(NS_X, DEPLOY_A, DEPLOY_B),
      findings: [
        { message: 'x/a accepts connections from every workload and every external address on all ports (no NetworkPolicy selects it for ingress)', path: '/metadata/name', resource: 'a' },
        { message: 'x/b accepts connections from every workload and every external address on all ports (no NetworkPolicy selects it for ingress)', path: '/metadata/name', resource: 'b' },
      ],
    },
    {
      name: 'an allow-all rule on one port',
      yaml: docs(
        NS_X,
        DEPLOY_A,
        `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: x }
spec:
  podSelector: {}
  ingress: [{ ports: [{ port: 443 }] }]
`,
      ),
      findings: [{ message: 'x/a accepts connections from every workload and every external address on TCP 443 (its ingress rules allow every source)', path: '/metadata/name', resource: 'a' }],
    },
  ],
});

testControl(policySelectsNothing, {
  valid: [{ name: 'selects a', yaml: docs(DEPLOY_A, `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p, namespace: x }\nspec:\n  podSelector: { matchLabels: { app: a } }\n`) }],
  invalid: [
    {
      name: 'label typo',
      yaml: docs(DEPLOY_A, `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p, namespace: x }\nspec:\n  podSelector: { matchLabels: { app: aa } }\n`),
      findings: [{ message: 'NetworkPolicy x/p selects none of the 1 workload(s) in namespace "x"', path: '/spec/podSelector', line: 18 }],
    },
  ],
});

testControl(policyNamesMissingPort, {
  valid: [
    { name: 'ingress named port exists', yaml: docs(DEPLOY_A, `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p, namespace: x }\nspec:\n  podSelector: { matchLabels: { app: a } }\n  ingress: [{ ports: [{ port: http }] }]\n`) },
    {
      name: 'egress named port exists on a peer',
      yaml: docs(DEPLOY_A, DEPLOY_B, `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p, namespace: x }\nspec:\n  podSelector: { matchLabels: { app: b } }\n  policyTypes: [Egress]\n  egress: [{ to: [{ podSelector: { matchLabels: { app: a } } }], ports: [{ port: http }] }]\n`),
    },
  ],
  invalid: [
    {
      name: 'ingress: wrong protocol for the name',
      yaml: docs(DEPLOY_A, `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p, namespace: x }\nspec:\n  podSelector: { matchLabels: { app: a } }\n  ingress: [{ ports: [{ port: http, protocol: UDP }] }]\n`),
      findings: [{ message: 'ingress[0] names port "http" (UDP), which none of the 1 destination workload(s) declares', path: '/spec/ingress/0/ports/0/port' }],
    },
    {
      name: 'egress: the peer does not declare the name',
      yaml: docs(DEPLOY_A, DEPLOY_B, `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p, namespace: x }\nspec:\n  podSelector: { matchLabels: { app: a } }\n  policyTypes: [Egress]\n  egress: [{ to: [{ podSelector: { matchLabels: { app: b } } }], ports: [{ port: http }] }]\n`),
      findings: [{ message: 'egress[0] names port "http" (TCP), which none of the 1 destination workload(s) declares', path: '/spec/egress/0/ports/0/port' }],
    },
  ],
});

test('the analysis is built once per inventory and shared by every control', () => {
  const resources = loadText(docs(NS_X, DEPLOY_A), 'cache.yaml').resources;
  const inv = new Inventory(resources);
  assert.equal(analysisOf(inv), analysisOf(inv));
  assert.notEqual(analysisOf(inv), analysisOf(new Inventory(resources)));
});
