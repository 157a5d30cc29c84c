import { configControl, KUBELET } from './lib/config-control.js';
import { fieldMustEqual } from './lib/config-rules.js';

export default configControl({
  id: 'kubelet-anonymous-auth',
  title: 'Kubelet accepts anonymous requests',
  severity: 'critical',
  ...KUBELET,
  frameworks: { cis: ['4.2.1'], nsa: ['authn/authentication', 'network/control-plane'], mitre: ['T1613', 'T1552.007', 'T1609'] },
  rule: fieldMustEqual(KUBELET.kind, ['authentication', 'anonymous', 'enabled'], false, false),
  rationale: 'Anonymous access to the kubelet API (port 10250) exposes pods, logs and, with a permissive authorizer, exec into every container on the node.',
  remediation: 'Set `authentication.anonymous.enabled: false` (the v1beta1 default).',
});
