import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { effective, isWindowsPod, WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isRecord, podAndContainers } from '../templates/pod.js';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

export default defineControl({
  meta: {
    id: 'apparmor-weakened',
    title: 'Container runs AppArmor unconfined',
    severity: 'medium',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.6.3'], nsa: ['pod-security/enforcement'], pss: ['appArmorProfile'], mitre: ['T1562.001', 'T1611'] },
    rationale:
      'An Unconfined AppArmor profile removes the mandatory access control the runtime default applies (mount, ptrace and /proc restrictions). Both the `appArmorProfile` field (container overriding pod) and the legacy per-container annotation are honoured by the kubelet.',
    remediation: 'Use `appArmorProfile.type: RuntimeDefault` or `Localhost` (annotation value `runtime/default` or `localhost/<profile>`).',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod || isWindowsPod(pod.view)) return;
    for (const c of pod.containers) {
      const profile = effective(pod.view, c, 'appArmorProfile');
      if (isRecord(profile.value) && profile.value.type === 'Unconfined') {
        const path = joinPointer(profile.path, 'type');
        report({
          message: `container "${c.name}" runs AppArmor Unconfined${profile.from === 'pod' ? ' (set in the pod securityContext)' : ''}`,
          path,
          container: c.name,
          fix: [{ op: 'replace', path, value: 'RuntimeDefault' }],
        });
      }
      const key = ANNOTATION_PREFIX + c.name;
      if (pod.view.annotations[key] === 'unconfined') {
        const path = joinPointer(pod.view.metadataPath, 'annotations', key);
        report({
          message: `container "${c.name}" runs AppArmor unconfined (annotation ${key})`,
          path,
          container: c.name,
          fix: [{ op: 'replace', path, value: 'runtime/default' }],
        });
      }
    }
  },
});
