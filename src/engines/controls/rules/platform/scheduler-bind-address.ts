import { flagControl } from './lib/flag-control.js';
import { flagMustBeLoopback } from './lib/flag-rules.js';

export default flagControl({
  id: 'scheduler-bind-address',
  title: 'Scheduler listens on every interface',
  severity: 'medium',
  component: 'kube-scheduler',
  frameworks: { cis: ['1.4.2'], nsa: ['network/control-plane'], mitre: ['T1046', 'T1190'] },
  rule: flagMustBeLoopback('bind-address', { default: '0.0.0.0' }),
  rationale: 'The scheduler\'s secure port (health, metrics, debug) should not be reachable from the network.',
  remediation: 'Set `--bind-address=127.0.0.1`.',
});
