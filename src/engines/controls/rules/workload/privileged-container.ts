import { defineControl } from '../../types.js';
import { containerOnly, WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { podAndContainers } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'privileged-container',
    title: 'Privileged container',
    severity: 'critical',
    kinds: WORKLOAD_KINDS,
    frameworks: {
      cis: ['5.2.2'],
      nsa: ['pod-security/non-root', 'pod-security/enforcement'],
      pss: ['privileged'],
      mitre: ['T1611', 'T1610'],
    },
    rationale:
      'A privileged container has every capability and all host devices: it is root on the node, and one step from every other pod and secret on it.',
    remediation: 'Remove `securityContext.privileged: true` (or set it to false); grant only the specific capabilities the process needs.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    for (const c of pod.containers) {
      const privileged = containerOnly(c, 'privileged');
      if (privileged.value === true) {
        report({
          message: `container "${c.name}" runs privileged`,
          path: privileged.path,
          container: c.name,
          fix: [{ op: 'replace', path: privileged.path, value: false }],
        });
      }
    }
  },
});
