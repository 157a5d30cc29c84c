import { flagControl } from './lib/flag-control.js';
import { flagMustNotContain } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-authorization-always-allow',
  title: 'API server authorizes every request (AlwaysAllow)',
  severity: 'critical',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.6'], nsa: ['authn/rbac'], mitre: ['T1078'] },
  rule: flagMustNotContain('authorization-mode', 'AlwaysAllow', { default: ['AlwaysAllow'], replacement: ['Node', 'RBAC'] }),
  // With --authorization-config the authorizer chain comes from that file.
  skipWhen: (flags) => flags.effective('authorization-config') !== undefined,
  rationale: 'With AlwaysAllow any authenticated (and, with anonymous auth, any) client can do anything in the cluster.',
  remediation: 'Set `--authorization-mode=Node,RBAC`.',
});
