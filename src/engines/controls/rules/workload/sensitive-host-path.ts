import { defineControl } from '../../types.js';
import { podAndContainers } from '../templates/pod.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { CRITICAL_HOST_PATHS, firstExposed, hostPathVolumes, SENSITIVE_HOST_PATHS } from '../templates/host-path.js';

export default defineControl({
  meta: {
    id: 'sensitive-host-path',
    title: 'Pod mounts a sensitive host path',
    severity: 'high',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.11'], nsa: ['pod-security/enforcement'], pss: ['hostPathVolumes'], mitre: ['T1611', 'T1552.001'] },
    rationale:
      'Mounting the node root, a container runtime socket or kubelet/etcd state is node takeover; /etc, /proc, /sys, /dev and logs leak host credentials or kernel interfaces. A mount of an ancestor (say /var) exposes everything beneath it.',
    remediation: 'Do not mount these paths; if an agent truly needs one, mount the narrowest file read-only and isolate the agent on dedicated nodes.',
    params: {
      criticalPaths: { type: 'string[]', description: 'Host trees whose exposure is node takeover (critical).', default: [...CRITICAL_HOST_PATHS] },
      sensitivePaths: { type: 'string[]', description: 'Other sensitive host trees (high).', default: [...SENSITIVE_HOST_PATHS] },
    },
  },
  check({ object, report, params }) {
    const view = podAndContainers(object)?.view;
    if (!view) return;
    for (const v of hostPathVolumes(view)) {
      if (v.path === '') continue;
      const critical = firstExposed(v.path, params.criticalPaths);
      const sensitive = critical ?? firstExposed(v.path, params.sensitivePaths);
      if (sensitive === undefined) continue;
      const what = sensitive === v.path ? '' : ` (exposes ${sensitive})`;
      report({
        message: `volume "${v.name}" mounts the sensitive host path ${JSON.stringify(v.path)}${what}`,
        path: v.pathPointer,
        severity: critical !== undefined ? 'critical' : 'high',
      });
    }
  },
});
