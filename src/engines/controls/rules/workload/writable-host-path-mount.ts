import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { CRITICAL_HOST_PATHS, firstExposed, hostPathVolumes, SENSITIVE_HOST_PATHS } from '../templates/host-path.js';
import { isRecord, podAndContainers } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'writable-host-path-mount',
    title: 'Container mounts a hostPath volume writable',
    severity: 'medium',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.11'], nsa: ['pod-security/immutable-filesystem', 'pod-security/enforcement'], pss: ['hostPathVolumes'], mitre: ['T1611'] },
    rationale:
      'A writable host mount lets the container change node files: plant binaries, cron jobs or kubelet configuration. Mounts are writable unless the volumeMount says `readOnly: true` (hostPath itself has no read-only switch).',
    remediation: 'Set `readOnly: true` on the volumeMount, or remove the hostPath volume.',
    params: {
      sensitivePaths: {
        type: 'string[]',
        description: 'Host trees whose writable mount is high severity.',
        default: [...CRITICAL_HOST_PATHS, ...SENSITIVE_HOST_PATHS],
      },
    },
  },
  check({ object, report, params }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    const byName = new Map(hostPathVolumes(pod.view).map((v) => [v.name, v]));
    if (byName.size === 0) return;
    for (const c of pod.containers) {
      const mounts = c.container.volumeMounts;
      if (!Array.isArray(mounts)) continue;
      mounts.forEach((m, i) => {
        if (!isRecord(m) || typeof m.name !== 'string') return;
        const volume = byName.get(m.name);
        if (!volume || m.readOnly === true) return;
        const mountPath = joinPointer(c.path, 'volumeMounts', i);
        const explicit = m.readOnly !== undefined;
        const sensitive = volume.path !== '' && firstExposed(volume.path, params.sensitivePaths) !== undefined;
        report({
          message: `container "${c.name}" mounts host path ${JSON.stringify(volume.path)} (volume "${volume.name}") writable`,
          path: explicit ? joinPointer(mountPath, 'readOnly') : mountPath,
          container: c.name,
          severity: sensitive ? 'high' : 'medium',
          fix: [{ op: explicit ? 'replace' : 'add', path: joinPointer(mountPath, 'readOnly'), value: true }],
        });
      });
    }
  },
});
