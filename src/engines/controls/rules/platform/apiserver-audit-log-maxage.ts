import { flagControl } from './lib/flag-control.js';
import { flagAtLeast } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-audit-log-maxage',
  title: 'API server keeps too little audit history (--audit-log-maxage)',
  severity: 'low',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.17'], nsa: ['audit/logging'], mitre: ['T1070'] },
  rule: flagAtLeast('audit-log-maxage', 30, { default: 0 }),
  rationale: '--audit-log-maxage bounds the days audit logs are kept; too little history loses the evidence an investigation needs.',
  remediation: 'Set `--audit-log-maxage=30` or more.',
});
