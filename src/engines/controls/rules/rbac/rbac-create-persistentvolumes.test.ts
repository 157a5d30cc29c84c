import { testControl } from '../../tester.js';
import control from './rbac-create-persistentvolumes.js';

testControl(control, {
  valid: [
    { name: 'claims only', yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: c }\nrules:\n- apiGroups: [""]\n  resources: [persistentvolumeclaims]\n  verbs: [create]\n' },
  ],
  invalid: [
    {
      name: 'create persistentvolumes',
      yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: c }\nrules:\n- apiGroups: [""]\n  resources: [persistentvolumes]\n  verbs: [get, create]\n',
      findings: [{ message: 'ClusterRole "c" grants create on persistentvolumes', path: '/rules/0', line: 5 }],
    },
  ],
});
