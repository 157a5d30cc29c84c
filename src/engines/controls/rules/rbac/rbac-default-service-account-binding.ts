import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { isBootstrapObject, roleRefOf, subjectsOf } from '../templates/rbac.js';

export default defineControl({
  meta: {
    id: 'rbac-default-service-account-binding',
    title: 'Role bound to a default service account',
    severity: 'medium',
    kinds: ['ClusterRoleBinding', 'RoleBinding'],
    frameworks: { cis: ['5.1.5'], nsa: ['authn/rbac', 'pod-security/service-account-tokens'], pss: [], mitre: ['T1078.001'] },
    rationale: 'Every pod that names no service account runs as `default`: a role bound to it is granted to all of them.',
    remediation: 'Create a dedicated ServiceAccount for the workload that needs the role and bind that instead.',
  },
  check({ object, report }) {
    if (isBootstrapObject(object)) return;
    const ref = roleRefOf(object);
    for (const s of subjectsOf(object)) {
      if (s.kind !== 'ServiceAccount' || s.name !== 'default') continue;
      report({
        message: `${object.kind} "${object.metadata?.name ?? ''}" grants ${ref ? `${ref.kind} "${ref.name}"` : 'a role'} to the default service account of namespace "${s.namespace ?? '?'}"`,
        path: joinPointer('/subjects', s.index),
      });
    }
  },
});
