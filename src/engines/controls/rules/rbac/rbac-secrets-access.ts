import { grantControl } from '../templates/rbac.js';

export default grantControl({
  id: 'rbac-secrets-access',
  title: 'Role grants read access to Secrets',
  severity: 'high',
  frameworks: { cis: ['5.1.2'], nsa: ['authn/rbac'], pss: [], mitre: ['T1552.007', 'T1528'] },
  rationale: 'get, list or watch on Secrets reveals every credential and service account token stored there; `list` returns the contents too, not just names.',
  remediation: 'Remove secrets from the rule; where a workload needs one Secret, mount it, or restrict the rule with `resourceNames` to `get` that Secret only.',
  targets: [{ apiGroup: '', resource: 'secrets', verbs: ['get', 'list', 'watch'] }],
});
