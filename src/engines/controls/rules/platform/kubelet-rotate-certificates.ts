import { configControl, KUBELET } from './lib/config-control.js';
import { fieldMustEqual } from './lib/config-rules.js';

export default configControl({
  id: 'kubelet-rotate-certificates',
  title: 'Kubelet does not rotate its client certificate',
  severity: 'medium',
  ...KUBELET,
  frameworks: { cis: ['4.2.10'], nsa: ['network/encryption'], mitre: ['T1557', 'T1528'] },
  rule: fieldMustEqual(KUBELET.kind, ['rotateCertificates'], true, false),
  rationale: 'A client certificate that is never rotated stays valid until it expires, even after a node is compromised.',
  remediation: 'Set `rotateCertificates: true` (v1beta1 defaults it to false).',
});
