import { flagControl } from './lib/flag-control.js';
import { flagAtLeast } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-audit-log-maxbackup',
  title: 'API server keeps too little audit history (--audit-log-maxbackup)',
  severity: 'low',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.18'], nsa: ['audit/logging'], mitre: ['T1070'] },
  rule: flagAtLeast('audit-log-maxbackup', 10, { default: 0 }),
  rationale: '--audit-log-maxbackup bounds the rotated audit log files kept; too little history loses the evidence an investigation needs.',
  remediation: 'Set `--audit-log-maxbackup=10` or more.',
});
