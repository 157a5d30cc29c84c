import { defineControl } from '../../types.js';
import { isRecord } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'service-nodeport',
    title: 'Service exposed on every node (NodePort)',
    severity: 'medium',
    kinds: ['Service'],
    frameworks: { cis: [], nsa: ['network/network-policies'], pss: [], mitre: ['T1133', 'T1190'] },
    rationale: 'A NodePort opens the port on every node address, outside any ingress controller or load balancer that would filter or authenticate traffic.',
    remediation: 'Use a ClusterIP Service behind an Ingress or Gateway; if a node port is unavoidable, restrict it with firewall rules and NetworkPolicy.',
  },
  check({ object, report }) {
    const spec = object['spec'];
    if (!isRecord(spec) || spec['type'] !== 'NodePort') return;
    report({ message: `Service "${object.metadata?.name ?? ''}" is of type NodePort`, path: '/spec/type' });
  },
});
