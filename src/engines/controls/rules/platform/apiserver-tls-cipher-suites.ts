import { flagControl } from './lib/flag-control.js';
import { flagOnlyFrom } from './lib/flag-rules.js';
import { STRONG_CIPHERS } from './lib/ciphers.js';

export default flagControl({
  id: 'apiserver-tls-cipher-suites',
  title: 'API server accepts weak TLS cipher suites',
  severity: 'medium',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.29'], nsa: ['network/encryption'], mitre: ['T1557', 'T1040'] },
  rule: flagOnlyFrom('tls-cipher-suites', STRONG_CIPHERS, "Go's default suites apply, including CBC-mode ones"),
  rationale: 'CBC-mode and RSA key-exchange suites lack forward secrecy or have known weaknesses.',
  remediation: 'Set `--tls-cipher-suites` to AEAD ECDHE suites only (the CIS list).',
});
