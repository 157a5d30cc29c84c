import { flagControl } from './lib/flag-control.js';
import { flagAtLeast } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-audit-log-maxsize',
  title: 'API server keeps too little audit history (--audit-log-maxsize)',
  severity: 'low',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.19'], nsa: ['audit/logging'], mitre: ['T1070'] },
  rule: flagAtLeast('audit-log-maxsize', 100, { default: 0 }),
  rationale: '--audit-log-maxsize bounds the megabytes an audit log file grows to before rotation; too little history loses the evidence an investigation needs.',
  remediation: 'Set `--audit-log-maxsize=100` or more.',
});
