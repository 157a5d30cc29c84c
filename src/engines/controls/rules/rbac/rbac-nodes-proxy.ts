import { ANY_VERB, grantControl } from '../templates/rbac.js';

export default grantControl({
  id: 'rbac-nodes-proxy',
  title: 'Role grants access to nodes/proxy',
  severity: 'high',
  frameworks: { cis: ['5.1.10'], nsa: ['authn/rbac'], pss: [], mitre: ['T1609', 'T1611'] },
  rationale: 'nodes/proxy reaches the kubelet API directly: exec into any pod on the node, bypassing admission and audit of pods/exec. `get` alone is enough over websockets.',
  remediation: 'Remove nodes/proxy; monitoring agents should use the metrics endpoints (nodes/metrics, nodes/stats).',
  targets: [{ apiGroup: '', resource: 'nodes/proxy', verbs: [ANY_VERB] }],
});
