import { flagControl } from './lib/flag-control.js';
import { flagMustEqual } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-insecure-port',
  title: 'API server serves an unauthenticated insecure port',
  severity: 'critical',
  component: 'kube-apiserver',
  frameworks: { nsa: ['network/control-plane', 'authn/authentication'], mitre: ['T1190', 'T1078'] },
  rule: flagMustEqual('insecure-port', '0', { default: '0' }),
  rationale: 'The insecure port (removed in Kubernetes 1.24) bypasses authentication and authorization entirely: whoever reaches it is cluster-admin.',
  remediation: 'Remove `--insecure-port` (or set it to 0) and `--insecure-bind-address`.',
});
