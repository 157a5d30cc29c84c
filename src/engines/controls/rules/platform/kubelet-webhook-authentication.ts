import { configControl, KUBELET } from './lib/config-control.js';
import { fieldMustEqual } from './lib/config-rules.js';

export default configControl({
  id: 'kubelet-webhook-authentication',
  title: 'Kubelet does not verify bearer tokens with the API server',
  severity: 'high',
  ...KUBELET,
  frameworks: { nsa: ['authn/authentication'], mitre: ['T1613', 'T1552.007', 'T1609'] },
  rule: fieldMustEqual(KUBELET.kind, ['authentication', 'webhook', 'enabled'], true, true),
  rationale: 'Without webhook authentication the kubelet cannot validate service account and user tokens, so Webhook authorization has no identity to authorize.',
  remediation: 'Remove `authentication.webhook.enabled: false` (the v1beta1 default is true).',
});
