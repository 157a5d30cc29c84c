import { flagControl } from './lib/flag-control.js';
import { flagMustEqual } from './lib/flag-rules.js';

export default flagControl({
  id: 'controller-manager-profiling',
  title: 'Controller manager exposes profiling',
  severity: 'low',
  component: 'kube-controller-manager',
  frameworks: { cis: ['1.3.2'], nsa: ['network/control-plane'], mitre: ['T1499'] },
  rule: flagMustEqual('profiling', 'false', { default: 'true' }),
  rationale: 'The pprof endpoints reveal internals and can be used to degrade the controller manager.',
  remediation: 'Set `--profiling=false`.',
});
