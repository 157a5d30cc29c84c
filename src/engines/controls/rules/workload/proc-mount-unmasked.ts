import { defineControl } from '../../types.js';
import { containerOnly, WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { podAndContainers } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'proc-mount-unmasked',
    title: 'Container mounts /proc unmasked',
    severity: 'high',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.6.3'], nsa: ['pod-security/enforcement'], pss: ['procMount'], mitre: ['T1611'] },
    rationale:
      '`procMount: Unmasked` removes the masking of sensitive /proc paths (kcore, sysrq-trigger, …). In a pod with its own user namespace (`hostUsers: false`) this is allowed, as the Baseline standard does.',
    remediation: 'Remove `procMount` or set it to `Default`.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod || pod.view.spec.hostUsers === false) return;
    for (const c of pod.containers) {
      const pm = containerOnly(c, 'procMount');
      if (pm.value === undefined || pm.value === 'Default') continue;
      report({
        message: `container "${c.name}" sets procMount ${JSON.stringify(pm.value)}`,
        path: pm.path,
        container: c.name,
        fix: [{ op: 'replace', path: pm.path, value: 'Default' }],
      });
    }
  },
});
