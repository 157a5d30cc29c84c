import { flagControl } from './lib/flag-control.js';
import { flagMustEqual } from './lib/flag-rules.js';

export default flagControl({
  id: 'etcd-client-cert-auth',
  title: 'etcd does not authenticate clients by certificate',
  severity: 'critical',
  component: 'etcd',
  frameworks: { cis: ['2.2'], nsa: ['network/etcd', 'network/encryption'], mitre: ['T1552.007', 'T1557'] },
  rule: flagMustEqual('client-cert-auth', 'true', { default: 'false' }),
  rationale: 'Without client certificate authentication anyone who reaches etcd\'s client port reads and writes the whole cluster state.',
  remediation: 'Set `--client-cert-auth=true` and `--trusted-ca-file`.',
});
