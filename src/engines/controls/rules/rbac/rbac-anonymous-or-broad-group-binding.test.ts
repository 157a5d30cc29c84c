import { testControl } from '../../tester.js';
import control from './rbac-anonymous-or-broad-group-binding.js';

testControl(control, {
  valid: [
    {
      name: 'discovery roles for everyone, named subjects',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: public-info }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:public-info-viewer" }
subjects:
- { kind: Group, name: "system:unauthenticated" }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: devs }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects:
- { kind: Group, name: devs }
`,
    },
  ],
  invalid: [
    {
      name: 'anonymous, authenticated and namespace service accounts',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: open }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view }
subjects:
- kind: User
  name: "system:anonymous"
- kind: Group
  name: "system:authenticated"
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: all-sa, namespace: shop }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader }
subjects:
- { kind: Group, name: "system:serviceaccounts:shop" }
`,
      findings: [
        { message: 'ClusterRoleBinding "open" grants ClusterRole "view" to every anonymous request (User:system:anonymous)', path: '/subjects/0', severity: 'critical', line: 6 },
        { message: 'ClusterRoleBinding "open" grants ClusterRole "view" to every authenticated user and service account (Group:system:authenticated)', path: '/subjects/1', severity: 'high', line: 8 },
        { message: 'RoleBinding "all-sa" grants Role "reader" to every service account of namespace "shop" (Group:system:serviceaccounts:shop)', path: '/subjects/0', severity: 'low', line: 16 },
      ],
    },
  ],
});
