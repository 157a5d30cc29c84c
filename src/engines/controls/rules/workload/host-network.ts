import { defineControl } from '../../types.js';
import { podAndContainers } from '../templates/pod.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';

export default defineControl({
  meta: {
    id: 'host-network',
    title: 'Pod shares the host network namespace',
    severity: 'high',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.5'], nsa: ['pod-security/enforcement'], pss: ['hostNamespaces'], mitre: ['T1611', 'T1040', 'T1557'] },
    rationale: 'A pod in the host network namespace can bind node ports, sniff node traffic and reach services listening on localhost, such as the kubelet.',
    remediation: 'Remove `hostNetwork: true` from the pod spec (or set it to false).',
  },
  check({ object, report }) {
    const view = podAndContainers(object)?.view;
    if (!view || view.spec.hostNetwork !== true) return;
    const path = joinPointer(view.specPath, 'hostNetwork');
    report({ message: 'pod shares the host network namespace (hostNetwork: true)', path, fix: [{ op: 'replace', path, value: false }] });
  },
});
