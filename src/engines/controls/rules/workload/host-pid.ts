import { defineControl } from '../../types.js';
import { podAndContainers } from '../templates/pod.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';

export default defineControl({
  meta: {
    id: 'host-pid',
    title: 'Pod shares the host PID namespace',
    severity: 'high',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.3'], nsa: ['pod-security/enforcement'], pss: ['hostNamespaces'], mitre: ['T1611'] },
    rationale: 'A pod in the host PID namespace can see every process on the node, read their environments and, with ptrace, enter them.',
    remediation: 'Remove `hostPID: true` from the pod spec (or set it to false).',
  },
  check({ object, report }) {
    const view = podAndContainers(object)?.view;
    if (!view || view.spec.hostPID !== true) return;
    const path = joinPointer(view.specPath, 'hostPID');
    report({ message: 'pod shares the host PID namespace (hostPID: true)', path, fix: [{ op: 'replace', path, value: false }] });
  },
});
