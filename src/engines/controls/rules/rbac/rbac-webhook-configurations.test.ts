import { testControl } from '../../tester.js';
import control from './rbac-webhook-configurations.js';

testControl(control, {
  valid: [
    {
      name: 'read access',
      yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: c }\nrules:\n- apiGroups: [admissionregistration.k8s.io]\n  resources: ["*"]\n  verbs: [get, list, watch]\n',
    },
  ],
  invalid: [
    {
      name: 'patch mutating webhooks',
      yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: c }\nrules:\n- apiGroups: [admissionregistration.k8s.io]\n  resources: [mutatingwebhookconfigurations]\n  verbs: [get, patch]\n',
      findings: [{ message: 'ClusterRole "c" grants patch on mutatingwebhookconfigurations.admissionregistration.k8s.io', path: '/rules/0', line: 5 }],
    },
  ],
});
