import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-service-account-key-file',
  title: 'API server has no service account verification key',
  severity: 'medium',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.22'], nsa: ['pod-security/service-account-tokens'], mitre: ['T1528'] },
  rule: flagMustBeSet('service-account-key-file'),
  rationale: 'An explicit verification key allows the signing key to be rotated without invalidating every token at once.',
  remediation: 'Set `--service-account-key-file` to the public key matching the controller manager\'s `--service-account-private-key-file`.',
});
