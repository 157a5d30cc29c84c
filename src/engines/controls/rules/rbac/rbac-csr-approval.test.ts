import { testControl } from '../../tester.js';
import control from './rbac-csr-approval.js';

testControl(control, {
  valid: [
    {
      name: 'creating CSRs is not approving them',
      yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: c }\nrules:\n- apiGroups: [certificates.k8s.io]\n  resources: [certificatesigningrequests]\n  verbs: [create, get]\n',
    },
  ],
  invalid: [
    {
      name: 'approval subresource and signer approve',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: approver }
rules:
- apiGroups: [certificates.k8s.io]
  resources: [certificatesigningrequests/approval]
  verbs: [update]
- apiGroups: [certificates.k8s.io]
  resources: [signers]
  resourceNames: [kubernetes.io/kube-apiserver-client]
  verbs: [approve]
`,
      findings: [
        { message: 'ClusterRole "approver" grants update on certificatesigningrequests/approval.certificates.k8s.io', path: '/rules/0', severity: 'high', line: 5 },
        { message: 'ClusterRole "approver" grants approve on signers.certificates.k8s.io (only "kubernetes.io/kube-apiserver-client")', path: '/rules/1', severity: 'low', line: 8 },
      ],
    },
  ],
});
