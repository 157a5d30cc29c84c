import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { isBootstrapObject, roleRefOf, subjectsOf, subjectText } from '../templates/rbac.js';
import type { Subject } from '../templates/rbac.js';

/** Platform identities that legitimately hold cluster-admin. */
function isSystemSubject(s: Subject): boolean {
  if (s.kind === 'ServiceAccount') return s.namespace === 'kube-system';
  return s.name.startsWith('system:') && !['system:anonymous', 'system:unauthenticated', 'system:authenticated'].includes(s.name) && !s.name.startsWith('system:serviceaccounts');
}

export default defineControl({
  meta: {
    id: 'rbac-cluster-admin-binding',
    title: 'cluster-admin bound to a non-system subject',
    severity: 'critical',
    kinds: ['ClusterRoleBinding', 'RoleBinding'],
    frameworks: { cis: ['5.1.1'], nsa: ['authn/rbac'], pss: [], mitre: ['T1078', 'T1098.006'] },
    rationale:
      'cluster-admin is every permission on every resource. Bound cluster-wide it is the cluster; bound in a RoleBinding it is full control of the namespace. Platform identities (system:* users and groups, kube-system service accounts) are not reported.',
    remediation: 'Bind a narrower role; keep cluster-admin for break-glass accounts outside day-to-day use.',
  },
  check({ object, report }) {
    if (isBootstrapObject(object)) return;
    const ref = roleRefOf(object);
    if (!ref || ref.kind !== 'ClusterRole' || ref.name !== 'cluster-admin') return;
    const where = object.kind === 'ClusterRoleBinding' ? 'cluster-wide' : `in namespace "${object.metadata?.namespace ?? ''}"`;
    for (const s of subjectsOf(object)) {
      if (isSystemSubject(s)) continue;
      report({
        message: `${object.kind} "${object.metadata?.name ?? ''}" grants cluster-admin ${where} to ${subjectText(s)}`,
        path: joinPointer('/subjects', s.index),
        severity: object.kind === 'ClusterRoleBinding' ? 'critical' : 'high',
      });
    }
  },
});
