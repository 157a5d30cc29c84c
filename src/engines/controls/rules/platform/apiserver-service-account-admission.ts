import { flagControl } from './lib/flag-control.js';
import { admissionPlugin } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-service-account-admission',
  title: 'API server disables the ServiceAccount admission plugin',
  severity: 'medium',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.12'], nsa: ['pod-security/service-account-tokens'], mitre: ['T1528'] },
  rule: admissionPlugin('ServiceAccount', 'not-disabled'),
  rationale: 'The ServiceAccount plugin enforces that pods use existing service accounts and mounts tokens consistently; disabling it removes those guarantees.',
  remediation: 'Remove ServiceAccount from `--disable-admission-plugins`.',
});
