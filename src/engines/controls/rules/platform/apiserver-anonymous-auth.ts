import { flagControl } from './lib/flag-control.js';
import { flagMustEqual } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-anonymous-auth',
  title: 'API server allows anonymous requests',
  severity: 'high',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.1'], nsa: ['authn/authentication', 'network/control-plane'], mitre: ['T1190', 'T1613'] },
  rule: flagMustEqual('anonymous-auth', 'false', { default: 'true' }),
  // With --authentication-config, anonymous access is configured in that file (reviewed separately).
  skipWhen: (flags) => flags.effective('authentication-config') !== undefined && flags.effective('anonymous-auth') === undefined,
  rationale: 'Anonymous requests reach the API server as system:anonymous; any binding to that user or to system:unauthenticated is then open to the network.',
  remediation: 'Set `--anonymous-auth=false` on kube-apiserver (or configure `anonymous` in the AuthenticationConfiguration with only health endpoints).',
});
