import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { isBootstrapObject, subjectsOf } from '../templates/rbac.js';

export default defineControl({
  meta: {
    id: 'rbac-system-masters',
    title: 'Binding references the system:masters group',
    severity: 'high',
    kinds: ['ClusterRoleBinding', 'RoleBinding'],
    frameworks: { cis: ['5.1.7'], nsa: ['authn/rbac'], pss: [], mitre: ['T1078', 'T1098.006'] },
    rationale:
      'Members of system:masters bypass RBAC and admission authorization entirely and cannot be revoked short of rotating the CA. A binding to it signals that credentials in that group are in use.',
    remediation: 'Stop issuing credentials with the system:masters organisation; bind a named group to a least-privilege role.',
  },
  check({ object, report }) {
    if (isBootstrapObject(object)) return;
    for (const s of subjectsOf(object)) {
      if (s.kind !== 'Group' || s.name !== 'system:masters') continue;
      report({ message: `${object.kind} "${object.metadata?.name ?? ''}" binds the system:masters group, which bypasses RBAC`, path: joinPointer('/subjects', s.index) });
    }
  },
});
