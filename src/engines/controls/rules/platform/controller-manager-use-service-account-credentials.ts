import { flagControl } from './lib/flag-control.js';
import { flagMustEqual } from './lib/flag-rules.js';

export default flagControl({
  id: 'controller-manager-use-service-account-credentials',
  title: 'Controllers share the controller manager\'s own credentials',
  severity: 'medium',
  component: 'kube-controller-manager',
  frameworks: { cis: ['1.3.3'], nsa: ['authn/rbac'], mitre: ['T1078'] },
  rule: flagMustEqual('use-service-account-credentials', 'true', { default: 'false' }),
  rationale: 'With one shared identity every controller holds the union of all controllers\' permissions.',
  remediation: 'Set `--use-service-account-credentials=true` so each controller runs with its own service account.',
});
