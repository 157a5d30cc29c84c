import { flagControl } from './lib/flag-control.js';
import { flagMustNotEqual } from './lib/flag-rules.js';

export default flagControl({
  id: 'etcd-peer-auto-tls',
  title: 'etcd uses automatically generated peer TLS certificates',
  severity: 'medium',
  component: 'etcd',
  frameworks: { cis: ['2.6'], nsa: ['network/etcd', 'network/encryption'], mitre: ['T1552.007', 'T1557'] },
  rule: flagMustNotEqual('peer-auto-tls', 'true', 'false', { default: 'false' }),
  rationale: 'Auto-generated peer certificates cannot be verified, so peer authentication means nothing.',
  remediation: 'Remove `--peer-auto-tls` (or set it to false) and configure peer certificates.',
});
