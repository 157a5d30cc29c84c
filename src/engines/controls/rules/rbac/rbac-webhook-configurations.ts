import { grantControl } from '../templates/rbac.js';

const VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const GROUP = 'admissionregistration.k8s.io';

export default grantControl({
  id: 'rbac-webhook-configurations',
  title: 'Role grants changing admission webhooks or policies',
  severity: 'high',
  frameworks: { cis: ['5.1.12'], nsa: ['authn/rbac'], pss: [], mitre: ['T1562.001', 'T1557'] },
  rationale:
    'Whoever edits admission webhooks or policies sees (mutating: rewrites) every object admitted, Secrets included, or can switch off the controls that enforce policy.',
  remediation: 'Restrict write access to admission configuration to cluster administrators and the owning operator (with resourceNames).',
  targets: [
    { apiGroup: GROUP, resource: 'validatingwebhookconfigurations', verbs: VERBS },
    { apiGroup: GROUP, resource: 'mutatingwebhookconfigurations', verbs: VERBS },
    { apiGroup: GROUP, resource: 'validatingadmissionpolicies', verbs: VERBS },
    { apiGroup: GROUP, resource: 'validatingadmissionpolicybindings', verbs: VERBS },
    { apiGroup: GROUP, resource: 'mutatingadmissionpolicies', verbs: VERBS },
    { apiGroup: GROUP, resource: 'mutatingadmissionpolicybindings', verbs: VERBS },
  ],
});
