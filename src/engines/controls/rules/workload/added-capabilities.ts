import { defineControl } from '../../types.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { paramSet, podAndContainers, replaceArrayGuarded } from '../templates/pod.js';
import { addList, addListPath, BASELINE_CAPABILITIES, capabilityList, DANGEROUS_CAPABILITIES, normalizeCapability } from '../templates/capabilities.js';

export default defineControl({
  meta: {
    id: 'added-capabilities',
    title: 'Container adds capabilities',
    severity: 'low',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.9'], nsa: ['pod-security/enforcement'], pss: ['capabilities_restricted'], mitre: ['T1068'] },
    rationale:
      'Every added capability widens what a compromised process can do. The Restricted standard allows only NET_BIND_SERVICE. Dangerous capabilities are reported by `dangerous-capabilities` instead, so each addition is reported once.',
    remediation: 'Remove the capability, or list it in this control\'s `allowed` parameter if the workload needs it.',
    params: {
      allowed: { type: 'string[]', description: 'Capabilities that may be added without a finding.', default: ['NET_BIND_SERVICE'] },
    },
  },
  check({ object, report, params }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    const allowed = paramSet(params.allowed, normalizeCapability);
    for (const c of pod.containers) {
      const adds = capabilityList(c, 'add');
      if (adds.length === 0) continue;
      const addPath = addListPath(c);
      const current = addList(c);
      // One fix for all flagged entries of this container: keep the others.
      const fix = addPath && current ? replaceArrayGuarded(addPath, current, current.filter((x) => typeof x !== 'string' || allowed.has(normalizeCapability(x)) || DANGEROUS_CAPABILITIES.includes(normalizeCapability(x)))) : undefined;
      for (const cap of adds) {
        if (allowed.has(cap.name) || DANGEROUS_CAPABILITIES.includes(cap.name)) continue;
        const pss = BASELINE_CAPABILITIES.includes(cap.name) ? ['capabilities_restricted'] : ['capabilities_baseline', 'capabilities_restricted'];
        report({
          message: `container "${c.name}" adds the capability ${cap.raw}`,
          path: cap.path,
          container: c.name,
          frameworks: { pss },
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
