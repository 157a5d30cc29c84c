import { configControl, KUBELET } from './lib/config-control.js';
import { fieldMustBeSet } from './lib/config-rules.js';

export default configControl({
  id: 'kubelet-client-ca',
  title: 'Kubelet does not authenticate client certificates',
  severity: 'high',
  ...KUBELET,
  frameworks: { cis: ['4.2.3'], nsa: ['authn/authentication', 'network/encryption'], mitre: ['T1613', 'T1552.007', 'T1609'] },
  rule: fieldMustBeSet(KUBELET.kind, ['authentication', 'x509', 'clientCAFile']),
  rationale: 'Without a client CA the kubelet cannot verify the API server\'s client certificate, so its API relies on weaker authentication.',
  remediation: 'Set `authentication.x509.clientCAFile` to the cluster CA.',
});
