import { testControl } from '../../tester.js';
import control from './rbac-serviceaccount-token-create.js';

testControl(control, {
  valid: [
    {
      name: 'creating service accounts does not cover their token subresource',
      yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: r, namespace: ci }\nrules:\n- apiGroups: [""]\n  resources: [serviceaccounts]\n  verbs: [create]\n',
    },
  ],
  invalid: [
    {
      name: 'create serviceaccounts/token in a Role',
      yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: r, namespace: ci }\nrules:\n- apiGroups: [""]\n  resources: [serviceaccounts/token]\n  verbs: [create]\n',
      findings: [{ message: 'Role "r" grants create on serviceaccounts/token', path: '/rules/0', severity: 'medium', line: 5 }],
    },
  ],
});
