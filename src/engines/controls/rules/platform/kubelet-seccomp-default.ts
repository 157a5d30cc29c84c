import { configControl, KUBELET } from './lib/config-control.js';
import { fieldMustEqual } from './lib/config-rules.js';

export default configControl({
  id: 'kubelet-seccomp-default',
  title: 'Kubelet does not apply RuntimeDefault seccomp by default',
  severity: 'medium',
  ...KUBELET,
  frameworks: { cis: ['4.2.14'], nsa: ['pod-security/enforcement'], mitre: ['T1611', 'T1068'] },
  rule: fieldMustEqual(KUBELET.kind, ['seccompDefault'], true, false),
  rationale: 'Without seccompDefault, pods that set no profile run Unconfined, with every system call available to an exploit.',
  remediation: 'Set `seccompDefault: true`.',
});
