import { defineControl } from '../../types.js';
import { containerOnly, isWindowsPod, WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { podAndContainers, setContainerSecurityField } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'read-only-root-filesystem',
    title: 'Container root file system is writable',
    severity: 'low',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: [], nsa: ['pod-security/immutable-filesystem'], pss: [], mitre: [] },
    rationale: 'A writable root file system lets an intruder drop tools and modify binaries; an immutable one confines writes to declared volumes.',
    remediation: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir where the application must write.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    // readOnlyRootFilesystem is not supported for Windows containers.
    if (!pod || isWindowsPod(pod.view)) return;
    for (const c of pod.containers) {
      const ro = containerOnly(c, 'readOnlyRootFilesystem');
      if (ro.value === true) continue;
      report({
        message:
          ro.from === 'container'
            ? `container "${c.name}" sets readOnlyRootFilesystem to ${JSON.stringify(ro.value)}`
            : `container "${c.name}" does not set readOnlyRootFilesystem: true`,
        path: ro.path,
        container: c.name,
        fix: ro.from === 'container' ? [{ op: 'replace', path: ro.path, value: true }] : setContainerSecurityField(c, 'readOnlyRootFilesystem', true),
      });
    }
  },
});
