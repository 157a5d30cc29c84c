import { flagControl } from './lib/flag-control.js';
import { flagMustEqual } from './lib/flag-rules.js';

export default flagControl({
  id: 'scheduler-profiling',
  title: 'Scheduler exposes profiling',
  severity: 'low',
  component: 'kube-scheduler',
  frameworks: { cis: ['1.4.1'], nsa: ['network/control-plane'], mitre: ['T1499'] },
  rule: flagMustEqual('profiling', 'false', { default: 'true' }),
  // --profiling is deprecated and ignored when --config is given (KubeSchedulerConfiguration enableProfiling decides).
  skipWhen: (flags) => flags.effective('config') !== undefined,
  rationale: 'The pprof endpoints reveal internals and can be used to degrade the scheduler.',
  remediation: 'Set `--profiling=false`.',
});
