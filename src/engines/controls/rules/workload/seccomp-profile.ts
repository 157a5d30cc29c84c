import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { effective, isWindowsPod, WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isRecord, podAndContainers, setPodSecurityField } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'seccomp-profile',
    title: 'Container runs without a seccomp profile',
    severity: 'medium',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.6.2'], nsa: ['pod-security/enforcement'], pss: ['seccompProfile_baseline', 'seccompProfile_restricted'], mitre: ['T1611', 'T1068'] },
    rationale:
      'Without seccomp every system call reaches the kernel, including those behind most container escapes. Unless the kubelet runs with `seccompDefault`, an unset profile means Unconfined. The container profile overrides the pod\'s.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` (or `Localhost`) in the pod securityContext.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    // seccomp is Linux-only; PSS exempts Windows pods.
    if (!pod || isWindowsPod(pod.view)) return;
    const psc = pod.view.spec.securityContext;
    for (const c of pod.containers) {
      const profile = effective(pod.view, c, 'seccompProfile');
      const type = isRecord(profile.value) ? profile.value.type : undefined;
      if (type === 'RuntimeDefault' || type === 'Localhost') continue;
      if (profile.from === 'unset') {
        // Fix at pod level, unless the pod already has a (typeless) profile object we must not clobber.
        const podHas = isRecord(psc) && psc.seccompProfile !== undefined;
        const nearest = isRecord(c.container.securityContext) ? joinPointer(c.path, 'securityContext') : c.path;
        report({
          message: `container "${c.name}" has no seccomp profile (Unconfined unless the kubelet defaults to RuntimeDefault)`,
          path: nearest,
          container: c.name,
          frameworks: { pss: ['seccompProfile_restricted'] },
          ...(podHas ? {} : { fix: setPodSecurityField(pod.view, 'seccompProfile', { type: 'RuntimeDefault' }) }),
        });
        continue;
      }
      const typePath = joinPointer(profile.path, 'type');
      const unconfined = type === 'Unconfined';
      report({
        message: unconfined
          ? `container "${c.name}" runs seccomp Unconfined${profile.from === 'pod' ? ' (set in the pod securityContext)' : ''}`
          : `container "${c.name}" has a seccomp profile without a valid type (${JSON.stringify(type ?? null)})`,
        path: type === undefined ? profile.path : typePath,
        container: c.name,
        severity: unconfined ? 'high' : 'medium',
        frameworks: { pss: unconfined ? ['seccompProfile_baseline', 'seccompProfile_restricted'] : ['seccompProfile_restricted'] },
        fix: type === undefined ? [{ op: 'add', path: typePath, value: 'RuntimeDefault' }] : [{ op: 'replace', path: typePath, value: 'RuntimeDefault' }],
      });
    }
  },
});
