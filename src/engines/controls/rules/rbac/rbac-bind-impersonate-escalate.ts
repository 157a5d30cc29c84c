import { grantControl } from '../templates/rbac.js';

export default grantControl({
  id: 'rbac-bind-impersonate-escalate',
  title: 'Role grants bind, escalate or impersonate',
  severity: 'high',
  frameworks: { cis: ['5.1.8'], nsa: ['authn/rbac'], pss: [], mitre: ['T1098.006', 'T1078'] },
  rationale:
    '`bind` and `escalate` on roles bypass the API server\'s guard against granting permissions one does not hold; `impersonate` lets the holder act as any user, group or service account.',
  remediation: 'Remove these verbs; keep them to the few controllers that need them, restricted with `resourceNames`.',
  targets: [
    { apiGroup: 'rbac.authorization.k8s.io', resource: 'roles', verbs: ['bind', 'escalate'] },
    { apiGroup: 'rbac.authorization.k8s.io', resource: 'clusterroles', verbs: ['bind', 'escalate'] },
    { apiGroup: '', resource: 'users', verbs: ['impersonate'] },
    { apiGroup: '', resource: 'groups', verbs: ['impersonate'] },
    { apiGroup: '', resource: 'serviceaccounts', verbs: ['impersonate'] },
    { apiGroup: 'authentication.k8s.io', resource: 'uids', verbs: ['impersonate'] },
    { apiGroup: 'authentication.k8s.io', resource: 'userextras/scopes', verbs: ['impersonate'] },
  ],
});
