import { defineControl } from '../../types.js';
import type { JsonPatchOp } from '../../../../model/finding.js';
import { joinPointer } from '../../../../model/pointer.js';
import { effective, isWindowsPod, WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isRecord, podAndContainers, setContainerSecurityField } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'run-as-root',
    title: 'Container may run as root',
    severity: 'medium',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.7'], nsa: ['pod-security/non-root'], pss: ['runAsNonRoot', 'runAsUser'], mitre: ['T1611', 'T1068'] },
    rationale:
      'Root in a container is root on the node once any isolation layer fails. A container is safe from this only if its effective runAsUser is non-zero or runAsNonRoot is true (the kubelet then refuses UID 0); container settings override the pod\'s.',
    remediation: 'Set `runAsNonRoot: true` (pod or container securityContext) and a non-zero `runAsUser`; build images with a numeric non-root USER.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    // Windows pods use runAsUserName, not UIDs.
    if (!pod || isWindowsPod(pod.view)) return;
    for (const c of pod.containers) {
      const user = effective(pod.view, c, 'runAsUser');
      const nonRoot = effective(pod.view, c, 'runAsNonRoot');
      if (typeof user.value === 'number') {
        if (user.value !== 0) continue;
        const where = user.from === 'pod' ? 'the pod securityContext sets' : 'it sets';
        report({
          message:
            nonRoot.value === true
              ? `container "${c.name}" is set to run as root: ${where} runAsUser 0 (runAsNonRoot: true makes the kubelet refuse to start it)`
              : `container "${c.name}" runs as root: ${where} runAsUser 0`,
          path: user.path,
          container: c.name,
          severity: 'high',
          frameworks: { pss: ['runAsUser'] },
        });
        continue;
      }
      if (nonRoot.value === true) continue;
      let fix: JsonPatchOp[];
      let path = nonRoot.path;
      if (nonRoot.from !== 'unset') fix = [{ op: 'replace', path: nonRoot.path, value: true }];
      else {
        if (isRecord(c.container.securityContext)) path = joinPointer(c.path, 'securityContext');
        fix = setContainerSecurityField(c, 'runAsNonRoot', true);
      }
      report({
        message:
          nonRoot.from === 'unset'
            ? `container "${c.name}" may run as root: neither runAsNonRoot: true nor a non-zero runAsUser is set`
            : `container "${c.name}" may run as root: runAsNonRoot is ${JSON.stringify(nonRoot.value)}${nonRoot.from === 'pod' ? ' in the pod securityContext' : ''} and no non-zero runAsUser is set`,
        path,
        container: c.name,
        frameworks: { pss: ['runAsNonRoot'] },
        fix,
      });
    }
  },
});
