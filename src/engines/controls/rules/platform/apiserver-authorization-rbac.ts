import { flagControl } from './lib/flag-control.js';
import { flagMustContain } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-authorization-rbac',
  title: 'API server does not use RBAC authorization',
  severity: 'high',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.8'], nsa: ['authn/rbac'], mitre: ['T1078'] },
  rule: flagMustContain('authorization-mode', 'RBAC', { default: ['AlwaysAllow'] }),
  // With --authorization-config the authorizer chain comes from that file.
  skipWhen: (flags) => flags.effective('authorization-config') !== undefined,
  rationale: 'RBAC is the only built-in authorizer that gives least privilege to users and service accounts.',
  remediation: 'Include RBAC in `--authorization-mode` (e.g. `--authorization-mode=Node,RBAC`).',
});
