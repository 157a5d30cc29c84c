import { flagControl } from './lib/flag-control.js';
import { admissionPlugin } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-node-restriction',
  title: 'API server does not restrict kubelets (NodeRestriction)',
  severity: 'high',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.14'], nsa: ['authn/rbac', 'network/control-plane'], mitre: ['T1078', 'T1611'] },
  rule: admissionPlugin('NodeRestriction', 'enabled'),
  rationale: 'NodeRestriction limits the Node and Pod objects a kubelet may modify; without it a compromised node can relabel itself or other nodes to attract workloads.',
  remediation: 'Add NodeRestriction to `--enable-admission-plugins` (with `--authorization-mode` including Node).',
});
