import { defineControl } from '../../types.js';
import type { JsonPointer } from '../../../../model/types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { isWindowsPod, WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isRecord, podAndContainers } from '../templates/pod.js';

/** SELinux types the Baseline standard allows (pod-security-admission, 1.31+). */
const ALLOWED_TYPES = ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];

export default defineControl({
  meta: {
    id: 'selinux-weakened',
    title: 'SELinux options weaken confinement',
    severity: 'medium',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.6.3'], nsa: ['pod-security/enforcement'], pss: ['seLinuxOptions'], mitre: ['T1562.001', 'T1611'] },
    rationale:
      'A custom SELinux user or role, or a type such as spc_t (super-privileged container), lifts the confinement SELinux gives containers. Only the container_* types are allowed by the Baseline standard.',
    remediation: 'Remove `seLinuxOptions.user` and `.role`; leave `type` unset or use container_t / container_init_t / container_kvm_t.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod || isWindowsPod(pod.view)) return;
    const inspect = (options: unknown, base: JsonPointer, who: string, container?: string): void => {
      if (!isRecord(options)) return;
      for (const field of ['user', 'role'] as const) {
        const v = options[field];
        if (typeof v === 'string' && v !== '') {
          const path = joinPointer(base, field);
          report({ message: `${who} sets SELinux ${field} ${JSON.stringify(v)}`, path, ...(container ? { container } : {}), fix: [{ op: 'remove', path }] });
        }
      }
      const type = options.type;
      if (typeof type === 'string' && type !== '' && !ALLOWED_TYPES.includes(type)) {
        const path = joinPointer(base, 'type');
        report({
          message: `${who} sets the SELinux type ${JSON.stringify(type)}`,
          path,
          ...(container ? { container } : {}),
          severity: type === 'spc_t' ? 'high' : 'medium',
          fix: [{ op: 'remove', path }],
        });
      }
    };
    const psc = pod.view.spec.securityContext;
    if (isRecord(psc)) inspect(psc.seLinuxOptions, joinPointer(pod.view.specPath, 'securityContext', 'seLinuxOptions'), 'pod');
    for (const c of pod.containers) {
      const csc = c.container.securityContext;
      if (isRecord(csc)) inspect(csc.seLinuxOptions, joinPointer(c.path, 'securityContext', 'seLinuxOptions'), `container "${c.name}"`, c.name);
    }
  },
});
