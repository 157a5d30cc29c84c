import { grantControl } from '../templates/rbac.js';

export default grantControl({
  id: 'rbac-csr-approval',
  title: 'Role grants approving certificate signing requests',
  severity: 'high',
  frameworks: { cis: ['5.1.11'], nsa: ['authn/rbac', 'authn/authentication'], pss: [], mitre: ['T1078', 'T1098.006'] },
  rationale: 'Updating certificatesigningrequests/approval (with `approve` on a signer) issues client certificates for any identity, system:masters included for the kube-apiserver-client signer.',
  remediation: 'Leave CSR approval to the controller manager and a few administrators; restrict `approve` on signers with resourceNames.',
  targets: [
    { apiGroup: 'certificates.k8s.io', resource: 'certificatesigningrequests/approval', verbs: ['update', 'patch'] },
    { apiGroup: 'certificates.k8s.io', resource: 'signers', verbs: ['approve'] },
  ],
});
