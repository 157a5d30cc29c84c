import { defineControl } from '../../types.js';
import { containerOnly, isWindowsPod, WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { podAndContainers, setContainerSecurityField } from '../templates/pod.js';
import { addsCapability } from '../templates/capabilities.js';

export default defineControl({
  meta: {
    id: 'allow-privilege-escalation',
    title: 'Container allows privilege escalation',
    severity: 'medium',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.2.6'], nsa: ['pod-security/enforcement'], pss: ['allowPrivilegeEscalation'], mitre: ['T1068', 'T1611'] },
    rationale:
      'Unless `allowPrivilegeEscalation` is false, `no_new_privs` is not set, so setuid binaries and file capabilities can raise a process above the privileges it started with.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    // Windows has no no_new_privs; the field is rejected there and PSS exempts Windows pods.
    if (!pod || isWindowsPod(pod.view)) return;
    for (const c of pod.containers) {
      const ape = containerOnly(c, 'allowPrivilegeEscalation');
      if (ape.value === false) continue;
      // The API rejects allowPrivilegeEscalation=false next to privileged or CAP_SYS_ADMIN (they
      // imply escalation), so no fix is offered there: the root cause is reported by its own control.
      const impliedByPrivilege = containerOnly(c, 'privileged').value === true || addsCapability(c, 'SYS_ADMIN');
      const fix = impliedByPrivilege
        ? undefined
        : ape.from === 'container'
          ? [{ op: 'replace' as const, path: ape.path, value: false }]
          : setContainerSecurityField(c, 'allowPrivilegeEscalation', false);
      report({
        message:
          ape.from === 'container'
            ? `container "${c.name}" sets allowPrivilegeEscalation to ${JSON.stringify(ape.value)}`
            : `container "${c.name}" does not set allowPrivilegeEscalation: false (it defaults to true)`,
        path: ape.path,
        container: c.name,
        ...(fix ? { fix } : {}),
      });
    }
  },
});
