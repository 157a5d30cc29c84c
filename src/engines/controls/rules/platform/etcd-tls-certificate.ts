import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'etcd-tls-certificate',
  title: 'etcd serves clients without TLS',
  severity: 'high',
  component: 'etcd',
  frameworks: { cis: ['2.1'], nsa: ['network/etcd', 'network/encryption'], mitre: ['T1552.007', 'T1557'] },
  rule: flagMustBeSet('cert-file', 'key-file'),
  rationale: 'Without a serving certificate etcd speaks plain HTTP to the API server: every secret crosses the network in clear text.',
  remediation: 'Set `--cert-file` and `--key-file`.',
});
