import { testControl } from '../../tester.js';
import control from './rbac-secrets-access.js';

testControl(control, {
  valid: [
    {
      name: 'configmaps only, secrets in another group, and bootstrap roles',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: reader }
rules:
- apiGroups: [""]
  resources: [configmaps]
  verbs: [get, list]
- apiGroups: [example.com]
  resources: [secrets]
  verbs: [get]
- apiGroups: [""]
  resources: [secrets]
  verbs: [create, delete]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: admin
  labels: { kubernetes.io/bootstrapping: rbac-defaults }
rules:
- apiGroups: [""]
  resources: [secrets]
  verbs: [get, list, watch]
`,
    },
  ],
  invalid: [
    {
      name: 'list secrets, wildcard resources, named get in a Role',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: ops }
rules:
- apiGroups: [""]
  resources: [pods, secrets]
  verbs: [list, watch]
- apiGroups: ["*"]
  resources: ["*"]
  verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: app, namespace: shop }
rules:
- apiGroups: [""]
  resources: [secrets]
  resourceNames: [app-tls]
  verbs: [get]
- apiGroups: [""]
  resources: [secrets]
  verbs: [get]
`,
      findings: [
        { message: 'ClusterRole "ops" grants list and watch on secrets', path: '/rules/0', severity: 'high', line: 5 },
        { message: 'ClusterRole "ops" grants every verb (*) on secrets', path: '/rules/1', severity: 'high', line: 8 },
        { message: 'Role "app" grants get on secrets (only "app-tls")', path: '/rules/0', severity: 'low', resource: 'app', line: 16 },
        { message: 'Role "app" grants get on secrets', path: '/rules/1', severity: 'medium', line: 20 },
      ],
    },
  ],
});
