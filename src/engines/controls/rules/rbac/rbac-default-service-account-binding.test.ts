import { testControl } from '../../tester.js';
import control from './rbac-default-service-account-binding.js';

testControl(control, {
  valid: [
    {
      name: 'dedicated service account, and a User named default',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: app, namespace: shop }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: app }
subjects:
- { kind: ServiceAccount, name: app }
- { kind: User, name: default }
`,
    },
  ],
  invalid: [
    {
      name: 'default SA of the binding namespace and of another',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: app, namespace: shop }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit }
subjects:
- kind: ServiceAccount
  name: default
- { kind: ServiceAccount, name: default, namespace: ci }
`,
      findings: [
        { message: 'RoleBinding "app" grants ClusterRole "edit" to the default service account of namespace "shop"', path: '/subjects/0', line: 6 },
        { message: 'RoleBinding "app" grants ClusterRole "edit" to the default service account of namespace "ci"', path: '/subjects/1', line: 8 },
      ],
    },
  ],
});
