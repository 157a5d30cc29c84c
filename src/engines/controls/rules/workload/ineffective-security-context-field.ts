import { defineControl } from '../../types.js';
import type { JsonPatchOp } from '../../../../model/finding.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { hostPathVolumes } from '../templates/host-path.js';
import { isRecord, podAndContainers, setContainerSecurityField } from '../templates/pod.js';

/** Fields that exist only in a container's SecurityContext: in the pod's they are dropped (or rejected by strict decoding). */
const CONTAINER_ONLY = ['privileged', 'allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'capabilities', 'procMount'] as const;
/** Fields that exist only in the PodSecurityContext. */
const POD_ONLY = ['fsGroup', 'fsGroupChangePolicy', 'supplementalGroups', 'supplementalGroupsPolicy', 'sysctls'] as const;

/** Would this value, if it took effect, protect? Then its silent loss is a real gap, and moving it is safe. */
function isProtective(field: (typeof CONTAINER_ONLY)[number], value: unknown): boolean {
  switch (field) {
    case 'privileged':
    case 'allowPrivilegeEscalation':
      return value === false;
    case 'readOnlyRootFilesystem':
      return value === true;
    case 'procMount':
      return value === 'Default';
    case 'capabilities':
      return isRecord(value) && Array.isArray(value.drop) && value.drop.length > 0 && (value.add === undefined || (Array.isArray(value.add) && value.add.length === 0));
  }
}

export default defineControl({
  meta: {
    id: 'ineffective-security-context-field',
    title: 'Security setting placed where Kubernetes ignores it',
    severity: 'medium',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.6.3'], nsa: ['pod-security/enforcement'], pss: [], mitre: [] },
    rationale:
      '`privileged`, `allowPrivilegeEscalation`, `readOnlyRootFilesystem`, `capabilities` and `procMount` exist only per container: in the pod securityContext they are silently dropped, so the protection the author meant is absent. Likewise pod-only fields in a container, and `readOnly` under `hostPath` (only the volumeMount can make a mount read-only).',
    remediation: 'Move the field to where it applies: container-only fields into each container\'s securityContext, pod-only fields into the pod securityContext, read-only into the volumeMount.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    const { view, containers } = pod;
    const psc = view.spec.securityContext;
    if (isRecord(psc)) {
      for (const field of CONTAINER_ONLY) {
        if (!(field in psc)) continue;
        const value = psc[field];
        const path = joinPointer(view.specPath, 'securityContext', field);
        const protective = isProtective(field, value);
        let fix: JsonPatchOp[] | undefined;
        if (protective) {
          // Move it into every container that does not decide for itself; never override a container's own value.
          fix = [{ op: 'remove', path }];
          for (const c of containers) {
            const csc = c.container.securityContext;
            if (isRecord(csc) && csc[field] !== undefined) continue;
            fix.push(...setContainerSecurityField(c, field, value));
          }
        }
        report({
          message: `${field} has no effect in the pod securityContext${protective ? ': no container is protected by it' : ''}; it belongs in each container's securityContext`,
          path,
          severity: protective ? 'medium' : 'low',
          ...(fix ? { fix } : {}),
        });
      }
    }
    for (const c of containers) {
      const csc = c.container.securityContext;
      if (!isRecord(csc)) continue;
      for (const field of POD_ONLY) {
        if (!(field in csc)) continue;
        report({
          message: `${field} has no effect in the securityContext of container "${c.name}"; it belongs in the pod securityContext`,
          path: joinPointer(c.path, 'securityContext', field),
          container: c.name,
          severity: 'low',
        });
      }
    }
    for (const v of hostPathVolumes(view)) {
      const hp = view.spec.volumes?.[v.index]?.hostPath as Record<string, unknown> | undefined;
      if (!hp || !('readOnly' in hp)) continue;
      const path = joinPointer(v.pointer, 'readOnly');
      const fix: JsonPatchOp[] = [{ op: 'remove', path }];
      if (hp.readOnly === true) {
        for (const c of containers) {
          c.container.volumeMounts?.forEach((m, i) => {
            if (isRecord(m) && m.name === v.name && m.readOnly === undefined) {
              fix.push({ op: 'add', path: joinPointer(c.path, 'volumeMounts', i, 'readOnly'), value: true });
            }
          });
        }
      }
      report({
        message: `readOnly under hostPath of volume "${v.name}" has no effect; only volumeMounts[].readOnly makes the mount read-only`,
        path,
        severity: hp.readOnly === true ? 'medium' : 'low',
        fix,
      });
    }
  },
});
