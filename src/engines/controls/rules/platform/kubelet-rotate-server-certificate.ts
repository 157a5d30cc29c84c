import { configControl, KUBELET } from './lib/config-control.js';
import { fieldMustNotEqual } from './lib/config-rules.js';

export default configControl({
  id: 'kubelet-rotate-server-certificate',
  title: 'Kubelet disables serving certificate rotation',
  severity: 'medium',
  ...KUBELET,
  frameworks: { cis: ['4.2.11'], nsa: ['network/encryption'], mitre: ['T1557'] },
  rule: fieldMustNotEqual(KUBELET.kind, ['featureGates', 'RotateKubeletServerCertificate'], false, true),
  rationale: 'Serving certificates must be rotated before they expire or leak.',
  remediation: 'Remove `RotateKubeletServerCertificate: false` from `featureGates`.',
});
