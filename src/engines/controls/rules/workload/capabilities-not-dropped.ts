import { defineControl } from '../../types.js';
import type { JsonPatchOp } from '../../../../model/finding.js';
import { joinPointer } from '../../../../model/pointer.js';
import { containerOnly, isWindowsPod, WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isRecord, podAndContainers, setContainerSecurityField } from '../templates/pod.js';
import { capabilityList } from '../templates/capabilities.js';

export default defineControl({
  meta: {
    id: 'capabilities-not-dropped',
    title: 'Container does not drop ALL capabilities',
    severity: 'medium',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.8', '5.2.9'], nsa: ['pod-security/enforcement'], pss: ['capabilities_restricted'], mitre: ['T1068', 'T1611'] },
    rationale:
      'Container runtimes grant a default set of capabilities (including NET_RAW, used for spoofing). Dropping ALL and adding back what is needed is the Restricted standard.',
    remediation: 'Add `ALL` to `securityContext.capabilities.drop`.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    // Windows containers have no Linux capabilities; PSS exempts them.
    if (!pod || isWindowsPod(pod.view)) return;
    for (const c of pod.containers) {
      const drops = capabilityList(c, 'drop');
      if (drops.some((d) => d.name === 'ALL')) continue;
      const caps = containerOnly(c, 'capabilities');
      let path = caps.path;
      let fix: JsonPatchOp[];
      if (!isRecord(caps.value)) fix = setContainerSecurityField(c, 'capabilities', { drop: ['ALL'] });
      else if (Array.isArray(caps.value.drop)) {
        path = joinPointer(caps.path, 'drop');
        fix = [{ op: 'add', path: joinPointer(path, '-'), value: 'ALL' }];
      } else fix = [{ op: 'add', path: joinPointer(caps.path, 'drop'), value: ['ALL'] }];
      report({ message: `container "${c.name}" does not drop ALL capabilities`, path, container: c.name, fix });
    }
  },
});
