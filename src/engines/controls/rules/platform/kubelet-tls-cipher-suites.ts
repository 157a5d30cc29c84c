import { configControl, KUBELET } from './lib/config-control.js';
import { fieldOnlyFrom } from './lib/config-rules.js';
import { STRONG_CIPHERS } from './lib/ciphers.js';

export default configControl({
  id: 'kubelet-tls-cipher-suites',
  title: 'Kubelet accepts weak TLS cipher suites',
  severity: 'medium',
  ...KUBELET,
  frameworks: { cis: ['4.2.12'], nsa: ['network/encryption'], mitre: ['T1557', 'T1040'] },
  rule: fieldOnlyFrom(KUBELET.kind, ['tlsCipherSuites'], STRONG_CIPHERS, "Go's default suites apply, including CBC-mode ones"),
  rationale: 'CBC-mode and RSA key-exchange suites lack forward secrecy or have known weaknesses.',
  remediation: 'Set `tlsCipherSuites` to AEAD ECDHE suites only.',
});
