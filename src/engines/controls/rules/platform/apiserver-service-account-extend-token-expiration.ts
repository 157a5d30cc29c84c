import { flagControl } from './lib/flag-control.js';
import { flagMustEqual } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-service-account-extend-token-expiration',
  title: 'API server extends service account token lifetimes',
  severity: 'medium',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.30'], nsa: ['pod-security/service-account-tokens'], mitre: ['T1528'] },
  rule: flagMustEqual('service-account-extend-token-expiration', 'false', { default: 'true' }),
  rationale: 'Extended expiration lets projected tokens live for a year during migration, so a stolen token stays useful far longer than requested.',
  remediation: 'Set `--service-account-extend-token-expiration=false`.',
});
