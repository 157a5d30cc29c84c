import { configControl, KUBELET } from './lib/config-control.js';
import { fieldMustBePositive } from './lib/config-rules.js';

export default configControl({
  id: 'kubelet-pod-pids-limit',
  title: 'Kubelet sets no limit on pod PIDs',
  severity: 'medium',
  ...KUBELET,
  frameworks: { cis: ['4.2.13'], nsa: ['network/resource-policies', 'pod-security/hardening-container-environments'], mitre: ['T1499', 'T1496'] },
  rule: fieldMustBePositive(KUBELET.kind, ['podPidsLimit'], 'a pod can fork until the node runs out of PIDs'),
  rationale: 'A fork bomb in one pod exhausts the node\'s PIDs and takes every other pod and the kubelet down with it.',
  remediation: 'Set `podPidsLimit` to a bound suited to the workloads (e.g. 4096).',
});
