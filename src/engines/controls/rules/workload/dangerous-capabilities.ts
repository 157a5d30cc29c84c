import { defineControl } from '../../types.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { paramSet, podAndContainers, replaceArrayGuarded } from '../templates/pod.js';
import { addList, addListPath, BASELINE_CAPABILITIES, capabilityList, DANGEROUS_CAPABILITIES, normalizeCapability, NODE_TAKEOVER_CAPABILITIES } from '../templates/capabilities.js';

export default defineControl({
  meta: {
    id: 'dangerous-capabilities',
    title: 'Container adds a dangerous capability',
    severity: 'high',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.9'], nsa: ['pod-security/enforcement'], pss: ['capabilities_baseline', 'capabilities_restricted'], mitre: ['T1611', 'T1068'] },
    rationale:
      'Capabilities such as SYS_ADMIN, SYS_MODULE or ALL amount to root on the node; NET_ADMIN and NET_RAW allow traffic interception and spoofing; SYS_PTRACE reads other processes.',
    remediation: 'Remove the capability from `securityContext.capabilities.add`; drop ALL and add back only what the process needs.',
    params: {
      capabilities: { type: 'string[]', description: 'Capabilities reported when added (without CAP_ prefix).', default: [...DANGEROUS_CAPABILITIES] },
    },
  },
  check({ object, report, params }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    const dangerous = paramSet(params.capabilities, normalizeCapability);
    for (const c of pod.containers) {
      const adds = capabilityList(c, 'add');
      if (!adds.some((cap) => dangerous.has(cap.name))) continue;
      const addPath = addListPath(c);
      const current = addList(c);
      // One fix for all flagged entries of this container: keep the others.
      const fix = addPath && current ? replaceArrayGuarded(addPath, current, current.filter((x) => typeof x !== 'string' || !dangerous.has(normalizeCapability(x)))) : undefined;
      for (const cap of adds) {
        if (!dangerous.has(cap.name)) continue;
        const cis = cap.name === 'NET_RAW' || cap.name === 'ALL' ? ['5.2.8', '5.2.9'] : ['5.2.9'];
        const pss = BASELINE_CAPABILITIES.includes(cap.name) ? ['capabilities_restricted'] : ['capabilities_baseline', 'capabilities_restricted'];
        report({
          message: `container "${c.name}" adds the dangerous capability ${cap.raw}`,
          path: cap.path,
          container: c.name,
          severity: NODE_TAKEOVER_CAPABILITIES.includes(cap.name) ? 'critical' : 'high',
          frameworks: { cis, pss },
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
