import { flagControl } from './lib/flag-control.js';
import { admissionPlugin } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-pod-security-admission',
  title: 'API server disables Pod Security admission',
  severity: 'high',
  component: 'kube-apiserver',
  frameworks: { cis: ['5.2.1'], nsa: ['pod-security/enforcement'], mitre: ['T1610', 'T1611'] },
  rule: admissionPlugin('PodSecurity', 'not-disabled'),
  rationale: 'Without the PodSecurity plugin, namespace pod-security labels are ignored and nothing built in stops privileged pods.',
  remediation: 'Remove PodSecurity from `--disable-admission-plugins` (it is enabled by default).',
});
