import { configControl, KUBELET } from './lib/config-control.js';
import { fieldMustNotEqual } from './lib/config-rules.js';

export default configControl({
  id: 'kubelet-authorization-mode',
  title: 'Kubelet authorizes every request (AlwaysAllow)',
  severity: 'critical',
  ...KUBELET,
  frameworks: { cis: ['4.2.2'], nsa: ['authn/rbac', 'authn/authentication'], mitre: ['T1613', 'T1552.007', 'T1609'] },
  rule: fieldMustNotEqual(KUBELET.kind, ['authorization', 'mode'], 'AlwaysAllow', 'Webhook'),
  rationale: 'With AlwaysAllow any client that authenticates to the kubelet may exec into pods and read their logs and secrets.',
  remediation: 'Set `authorization.mode: Webhook` (the v1beta1 default).',
});
