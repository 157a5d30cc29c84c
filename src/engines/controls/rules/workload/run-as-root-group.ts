import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { effective, isWindowsPod, WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isRecord, podAndContainers } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'run-as-root-group',
    title: 'Pod or container runs with the root group',
    severity: 'low',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.7'], nsa: ['pod-security/non-root'], pss: [], mitre: ['T1068'] },
    rationale:
      'GID 0 grants access to every root-group file on shared volumes and in the image. Only explicit zeros are reported: runAsGroup (container overriding pod), fsGroup and supplementalGroups.',
    remediation: 'Use a non-zero `runAsGroup`, `fsGroup` and `supplementalGroups`.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod || isWindowsPod(pod.view)) return;
    for (const c of pod.containers) {
      const group = effective(pod.view, c, 'runAsGroup');
      if (group.value === 0) {
        report({
          message: `container "${c.name}" runs with the root group: ${group.from === 'pod' ? 'the pod securityContext sets' : 'it sets'} runAsGroup 0`,
          path: group.path,
          container: c.name,
        });
      }
    }
    const psc = pod.view.spec.securityContext;
    if (!isRecord(psc)) return;
    const scPath = joinPointer(pod.view.specPath, 'securityContext');
    if (psc.fsGroup === 0) report({ message: 'pod sets fsGroup 0 (volumes are owned by the root group)', path: joinPointer(scPath, 'fsGroup') });
    if (Array.isArray(psc.supplementalGroups)) {
      psc.supplementalGroups.forEach((g, i) => {
        if (g === 0) report({ message: 'pod adds the root group 0 to supplementalGroups', path: joinPointer(scPath, 'supplementalGroups', i) });
      });
    }
  },
});
