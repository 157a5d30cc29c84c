import { testControl } from '../../tester.js';
import control from './rbac-cluster-admin-binding.js';

testControl(control, {
  valid: [
    {
      name: 'system subjects and other roles',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: platform }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects:
- { kind: Group, name: "system:masters" }
- { kind: ServiceAccount, name: cloud-controller, namespace: kube-system }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: viewers }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects:
- { kind: Group, name: devs }
`,
    },
  ],
  invalid: [
    {
      name: 'a user cluster-wide, a service account in a namespace',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: alice-admin }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects:
- kind: User
  name: alice@example.com
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: ci-admin, namespace: shop }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects:
- { kind: ServiceAccount, name: ci }
`,
      findings: [
        { message: 'ClusterRoleBinding "alice-admin" grants cluster-admin cluster-wide to User:alice@example.com', path: '/subjects/0', severity: 'critical', line: 6 },
        { message: 'RoleBinding "ci-admin" grants cluster-admin in namespace "shop" to ServiceAccount:shop:ci', path: '/subjects/0', severity: 'high', line: 14 },
      ],
    },
  ],
});
