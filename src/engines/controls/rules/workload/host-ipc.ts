import { defineControl } from '../../types.js';
import { podAndContainers } from '../templates/pod.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';

export default defineControl({
  meta: {
    id: 'host-ipc',
    title: 'Pod shares the host IPC namespace',
    severity: 'high',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.4'], nsa: ['pod-security/enforcement'], pss: ['hostNamespaces'], mitre: ['T1611'] },
    rationale: 'A pod in the host IPC namespace can read and write the shared memory and message queues of every process on the node.',
    remediation: 'Remove `hostIPC: true` from the pod spec (or set it to false).',
  },
  check({ object, report }) {
    const view = podAndContainers(object)?.view;
    if (!view || view.spec.hostIPC !== true) return;
    const path = joinPointer(view.specPath, 'hostIPC');
    report({ message: 'pod shares the host IPC namespace (hostIPC: true)', path, fix: [{ op: 'replace', path, value: false }] });
  },
});
