import { flagControl } from './lib/flag-control.js';
import { flagMustEqual } from './lib/flag-rules.js';

export default flagControl({
  id: 'etcd-peer-client-cert-auth',
  title: 'etcd does not authenticate peers by certificate',
  severity: 'high',
  component: 'etcd',
  frameworks: { cis: ['2.5'], nsa: ['network/etcd', 'network/encryption'], mitre: ['T1552.007', 'T1557'] },
  rule: flagMustEqual('peer-client-cert-auth', 'true', { default: 'false' }),
  rationale: 'Without peer certificate authentication any host that reaches the peer port can join the cluster and receive its data.',
  remediation: 'Set `--peer-client-cert-auth=true` and `--peer-trusted-ca-file`.',
});
