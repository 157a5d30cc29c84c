import { flagControl } from './lib/flag-control.js';
import { flagMustEqual } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-profiling',
  title: 'API server exposes profiling',
  severity: 'low',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.15'], nsa: ['network/control-plane'], mitre: ['T1499'] },
  rule: flagMustEqual('profiling', 'false', { default: 'true' }),
  rationale: 'The pprof endpoints reveal internals and can be used to degrade the API server.',
  remediation: 'Set `--profiling=false`.',
});
