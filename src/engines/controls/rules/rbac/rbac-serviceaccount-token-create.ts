import { grantControl } from '../templates/rbac.js';

export default grantControl({
  id: 'rbac-serviceaccount-token-create',
  title: 'Role grants creating service account tokens',
  severity: 'high',
  frameworks: { cis: ['5.1.13'], nsa: ['authn/rbac', 'pod-security/service-account-tokens'], pss: [], mitre: ['T1528', 'T1078'] },
  rationale: 'create on serviceaccounts/token mints a token for any service account in scope: its holder becomes that account.',
  remediation: 'Remove the permission, or restrict it with resourceNames to the one account a component must mint tokens for.',
  targets: [{ apiGroup: '', resource: 'serviceaccounts/token', verbs: ['create'] }],
});
