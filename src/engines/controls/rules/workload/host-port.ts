import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isRecord, podAndContainers } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'host-port',
    title: 'Container binds a host port',
    severity: 'medium',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.12'], nsa: ['pod-security/enforcement'], pss: ['hostPorts'], mitre: ['T1133'] },
    rationale: 'A hostPort opens the port on the node address, bypassing Services and often NetworkPolicy, and pins the pod to nodes where the port is free.',
    remediation: 'Remove `hostPort` and expose the container through a Service.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    for (const c of pod.containers) {
      const ports = c.container.ports;
      if (!Array.isArray(ports)) continue;
      ports.forEach((p, i) => {
        // PSS allows an unset or zero hostPort; anything else binds the node.
        if (!isRecord(p) || p.hostPort === undefined || p.hostPort === null || p.hostPort === 0) return;
        const path = joinPointer(c.path, 'ports', i, 'hostPort');
        report({
          message: `container "${c.name}" binds host port ${String(p.hostPort)}`,
          path,
          container: c.name,
          fix: [{ op: 'remove', path }],
        });
      });
    }
  },
});
