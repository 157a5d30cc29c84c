import { flagControl } from './lib/flag-control.js';
import { admissionPlugin } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-always-admit',
  title: 'API server enables the AlwaysAdmit admission plugin',
  severity: 'high',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.10'], nsa: ['pod-security/enforcement'], mitre: ['T1610'] },
  rule: admissionPlugin('AlwaysAdmit', 'not-enabled'),
  rationale: 'AlwaysAdmit admits every request regardless of the other admission plugins\' intent; it is deprecated and unsafe.',
  remediation: 'Remove AlwaysAdmit from `--enable-admission-plugins`.',
});
