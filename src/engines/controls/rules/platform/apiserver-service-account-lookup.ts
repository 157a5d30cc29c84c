import { flagControl } from './lib/flag-control.js';
import { flagMustEqual } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-service-account-lookup',
  title: 'API server accepts tokens of deleted service accounts',
  severity: 'medium',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.21'], nsa: ['pod-security/service-account-tokens'], mitre: ['T1528'] },
  rule: flagMustEqual('service-account-lookup', 'true', { default: 'true' }),
  rationale: 'Without the lookup, a token stays valid after its service account is deleted.',
  remediation: 'Remove `--service-account-lookup=false` (the default is true).',
});
