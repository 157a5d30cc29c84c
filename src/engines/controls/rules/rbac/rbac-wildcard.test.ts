import { testControl } from '../../tester.js';
import control from './rbac-wildcard.js';

testControl(control, {
  valid: [
    {
      name: 'explicit lists, and an aggregated ClusterRole',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: explicit }
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: agg }
aggregationRule:
  clusterRoleSelectors: [{ matchLabels: { agg: "true" } }]
rules:
- apiGroups: ["*"]
  resources: ["*"]
  verbs: ["*"]
`,
    },
  ],
  invalid: [
    {
      name: 'full wildcard in a ClusterRole and in a Role; partial wildcard',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: god }
rules:
- apiGroups: ["*"]
  resources: ["*"]
  verbs: ["*"]
- apiGroups: [""]
  resources: [pods]
  verbs: [get, "*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: ns-god, namespace: shop }
rules:
- apiGroups: ["*"]
  resources: ["*"]
  verbs: ["*"]
`,
      findings: [
        { message: 'ClusterRole "god" grants every verb on every resource of every API group (*)', path: '/rules/0/apiGroups/0', severity: 'critical', line: 5 },
        { message: 'ClusterRole "god" uses a wildcard in verbs', path: '/rules/1/verbs/1', severity: 'medium', line: 10 },
        { message: 'Role "ns-god" grants every verb on every resource of every API group (*)', path: '/rules/0/apiGroups/0', severity: 'high', line: 16 },
      ],
    },
  ],
});
