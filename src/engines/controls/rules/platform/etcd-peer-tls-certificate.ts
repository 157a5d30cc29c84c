import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'etcd-peer-tls-certificate',
  title: 'etcd peers communicate without TLS',
  severity: 'high',
  component: 'etcd',
  frameworks: { cis: ['2.4'], nsa: ['network/etcd', 'network/encryption'], mitre: ['T1552.007', 'T1557'] },
  rule: flagMustBeSet('peer-cert-file', 'peer-key-file'),
  rationale: 'Unencrypted peer traffic replicates every secret across the network in clear text.',
  remediation: 'Set `--peer-cert-file` and `--peer-key-file`.',
});
