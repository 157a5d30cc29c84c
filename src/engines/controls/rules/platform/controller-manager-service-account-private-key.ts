import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'controller-manager-service-account-private-key',
  title: 'Controller manager has no service account signing key',
  severity: 'medium',
  component: 'kube-controller-manager',
  frameworks: { cis: ['1.3.4'], nsa: ['pod-security/service-account-tokens'], mitre: ['T1528'] },
  rule: flagMustBeSet('service-account-private-key-file'),
  rationale: 'A dedicated signing key lets service account token keys be rotated independently.',
  remediation: 'Set `--service-account-private-key-file`.',
});
