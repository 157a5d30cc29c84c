import { defineControl } from '../../types.js';
import { podAndContainers } from '../templates/pod.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { hostPathVolumes } from '../templates/host-path.js';

export default defineControl({
  meta: {
    id: 'host-path-volume',
    title: 'Pod mounts a hostPath volume',
    severity: 'medium',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.11'], nsa: ['pod-security/enforcement'], pss: ['hostPathVolumes'], mitre: ['T1611'] },
    rationale:
      'A hostPath volume exposes the node file system to the pod; it ties the pod to its node and is the most common container escape route.',
    remediation: 'Replace the hostPath volume with a PersistentVolumeClaim, an emptyDir, a ConfigMap/Secret or a CSI volume.',
  },
  check({ object, report }) {
    const view = podAndContainers(object)?.view;
    if (!view) return;
    for (const v of hostPathVolumes(view)) {
      report({ message: `volume "${v.name}" mounts the host path ${JSON.stringify(v.path)}`, path: v.pathPointer });
    }
  },
});
