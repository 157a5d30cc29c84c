import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isRecord, podAndContainers } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'windows-host-process',
    title: 'Windows HostProcess container',
    severity: 'critical',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.10'], nsa: ['pod-security/enforcement'], pss: ['windowsHostProcess'], mitre: ['T1611'] },
    rationale: 'A HostProcess container runs directly on the Windows node with host network and file system: the Windows equivalent of privileged.',
    remediation: 'Remove `windowsOptions.hostProcess: true` from the pod and container securityContexts.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    const psc = pod.view.spec.securityContext;
    if (isRecord(psc) && isRecord(psc.windowsOptions) && psc.windowsOptions.hostProcess === true) {
      const path = joinPointer(pod.view.specPath, 'securityContext', 'windowsOptions', 'hostProcess');
      report({ message: 'pod runs as a Windows HostProcess pod', path, fix: [{ op: 'replace', path, value: false }] });
    }
    for (const c of pod.containers) {
      const csc = c.container.securityContext;
      if (isRecord(csc) && isRecord(csc.windowsOptions) && csc.windowsOptions.hostProcess === true) {
        const path = joinPointer(c.path, 'securityContext', 'windowsOptions', 'hostProcess');
        report({ message: `container "${c.name}" runs as a Windows HostProcess container`, path, container: c.name, fix: [{ op: 'replace', path, value: false }] });
      }
    }
  },
});
