import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-tls-certificate',
  title: 'API server serves TLS with a generated self-signed certificate',
  severity: 'high',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.24'], nsa: ['network/encryption', 'network/control-plane'], mitre: ['T1557', 'T1040'] },
  rule: flagMustBeSet('tls-cert-file', 'tls-private-key-file'),
  rationale: 'Without a certificate, kube-apiserver generates a self-signed one that clients cannot verify.',
  remediation: 'Set `--tls-cert-file` and `--tls-private-key-file`.',
});
