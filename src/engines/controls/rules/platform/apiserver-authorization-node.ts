import { flagControl } from './lib/flag-control.js';
import { flagMustContain } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-authorization-node',
  title: 'API server does not use the Node authorizer',
  severity: 'high',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.7'], nsa: ['authn/rbac'], mitre: ['T1078', 'T1552.007'] },
  rule: flagMustContain('authorization-mode', 'Node', { default: ['AlwaysAllow'] }),
  // With --authorization-config the authorizer chain comes from that file.
  skipWhen: (flags) => flags.effective('authorization-config') !== undefined,
  rationale: 'The Node authorizer limits each kubelet to the objects of its own pods; without it a compromised node can read every secret.',
  remediation: 'Include Node in `--authorization-mode` (e.g. `--authorization-mode=Node,RBAC`).',
});
