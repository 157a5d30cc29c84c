import { testControl } from '../../tester.js';
import control from './rbac-bind-impersonate-escalate.js';

testControl(control, {
  valid: [
    {
      name: 'managing bindings without bind or escalate',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: rbac-viewer }
rules:
- apiGroups: [rbac.authorization.k8s.io]
  resources: [roles, rolebindings]
  verbs: [get, list, create]
`,
    },
  ],
  invalid: [
    {
      name: 'escalate on roles, impersonate users and service accounts',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: power }
rules:
- apiGroups: [rbac.authorization.k8s.io]
  resources: [clusterroles]
  verbs: [escalate]
- apiGroups: [""]
  resources: [users, serviceaccounts]
  verbs: [impersonate]
`,
      findings: [
        { message: 'ClusterRole "power" grants escalate on clusterroles.rbac.authorization.k8s.io', path: '/rules/0', line: 5 },
        { message: 'ClusterRole "power" grants impersonate on users and serviceaccounts', path: '/rules/1', line: 8 },
      ],
    },
  ],
});
