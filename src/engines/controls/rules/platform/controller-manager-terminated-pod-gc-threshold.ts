import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'controller-manager-terminated-pod-gc-threshold',
  title: 'Controller manager keeps unbounded terminated pods',
  severity: 'low',
  component: 'kube-controller-manager',
  frameworks: { cis: ['1.3.1'], nsa: ['network/resource-policies'], mitre: ['T1499'] },
  rule: flagMustBeSet('terminated-pod-gc-threshold'),
  rationale: 'Terminated pods are garbage-collected only above the threshold (12500 by default), enough to degrade etcd and the API server.',
  remediation: 'Set `--terminated-pod-gc-threshold` to a value suited to the cluster (e.g. 10 to 1000).',
});
