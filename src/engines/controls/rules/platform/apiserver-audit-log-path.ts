import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-audit-log-path',
  title: 'API server writes no audit log',
  severity: 'medium',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.16'], nsa: ['audit/logging'], mitre: ['T1562.001'] },
  rule: flagMustBeSet('audit-log-path'),
  rationale: 'Without an audit log there is no record of who did what in the cluster.',
  remediation: 'Set `--audit-log-path` (and `--audit-policy-file`), or configure an audit webhook backend.',
});
