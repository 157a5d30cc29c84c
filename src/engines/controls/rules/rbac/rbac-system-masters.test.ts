import { testControl } from '../../tester.js';
import control from './rbac-system-masters.js';

testControl(control, {
  valid: [
    {
      name: 'the bootstrap cluster-admin binding',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: cluster-admin
  labels: { kubernetes.io/bootstrapping: rbac-defaults }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin }
subjects:
- { kind: Group, name: "system:masters" }
`,
    },
  ],
  invalid: [
    {
      name: 'custom binding to system:masters',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: ops }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit }
subjects:
- { kind: User, name: bob }
- { kind: Group, name: "system:masters" }
`,
      findings: [{ message: 'ClusterRoleBinding "ops" binds the system:masters group, which bypasses RBAC', path: '/subjects/1', line: 7 }],
    },
  ],
});
