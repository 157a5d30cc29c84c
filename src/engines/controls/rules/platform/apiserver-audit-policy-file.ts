import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-audit-policy-file',
  title: 'API server has no audit policy',
  severity: 'medium',
  component: 'kube-apiserver',
  frameworks: { cis: ['3.2.1'], nsa: ['audit/logging'], mitre: ['T1562.001'] },
  rule: flagMustBeSet('audit-policy-file'),
  rationale: 'Without an audit policy the API server records no audit events, whatever the log backend.',
  remediation: 'Write an audit Policy (Metadata for secrets, RequestResponse where needed) and set `--audit-policy-file`.',
});
