import { flagControl } from './lib/flag-control.js';
import { flagMustBeLoopback } from './lib/flag-rules.js';

export default flagControl({
  id: 'controller-manager-bind-address',
  title: 'Controller manager listens on every interface',
  severity: 'medium',
  component: 'kube-controller-manager',
  frameworks: { cis: ['1.3.7'], nsa: ['network/control-plane'], mitre: ['T1046', 'T1190'] },
  rule: flagMustBeLoopback('bind-address', { default: '0.0.0.0' }),
  rationale: 'The controller manager\'s secure port (health, metrics, debug) should not be reachable from the network.',
  remediation: 'Set `--bind-address=127.0.0.1`.',
});
