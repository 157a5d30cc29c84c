import { configControl, KUBELET } from './lib/config-control.js';
import { fieldMustEqual } from './lib/config-rules.js';

export default configControl({
  id: 'kubelet-read-only-port',
  title: 'Kubelet serves the unauthenticated read-only port',
  severity: 'high',
  ...KUBELET,
  frameworks: { cis: ['4.2.4'], nsa: ['authn/authentication', 'network/control-plane'], mitre: ['T1613', 'T1046'] },
  rule: fieldMustEqual(KUBELET.kind, ['readOnlyPort'], 0, 0),
  rationale: 'The read-only port (10255) serves pod specs and metrics without any authentication.',
  remediation: 'Set `readOnlyPort: 0` or remove it (the v1beta1 default is disabled).',
});
