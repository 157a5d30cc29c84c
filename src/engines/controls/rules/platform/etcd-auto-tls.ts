import { flagControl } from './lib/flag-control.js';
import { flagMustNotEqual } from './lib/flag-rules.js';

export default flagControl({
  id: 'etcd-auto-tls',
  title: 'etcd uses automatically generated client TLS certificates',
  severity: 'medium',
  component: 'etcd',
  frameworks: { cis: ['2.3'], nsa: ['network/etcd', 'network/encryption'], mitre: ['T1552.007', 'T1557'] },
  rule: flagMustNotEqual('auto-tls', 'true', 'false', { default: 'false' }),
  rationale: 'Auto-generated self-signed certificates cannot be verified by clients and defeat certificate authentication.',
  remediation: 'Remove `--auto-tls` (or set it to false) and configure real certificates.',
});
