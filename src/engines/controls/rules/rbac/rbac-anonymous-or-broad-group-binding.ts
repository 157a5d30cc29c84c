import { defineControl } from '../../types.js';
import type { Severity } from '../../../../model/types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { isBootstrapObject, lower, roleRefOf, subjectsOf, subjectText } from '../templates/rbac.js';
import type { Subject } from '../templates/rbac.js';

/** Bootstrap roles meant for everyone (discovery, health, self-review), harmless to bind broadly. */
const PUBLIC_ROLES = new Set(['system:public-info-viewer', 'system:discovery', 'system:basic-user']);

function breadth(s: Subject): { who: string; severity: Severity } | undefined {
  if (s.kind === 'User' && s.name === 'system:anonymous') return { who: 'every anonymous request', severity: 'critical' };
  if (s.kind !== 'Group') return undefined;
  if (s.name === 'system:unauthenticated') return { who: 'every unauthenticated request', severity: 'critical' };
  if (s.name === 'system:authenticated') return { who: 'every authenticated user and service account', severity: 'high' };
  if (s.name === 'system:serviceaccounts') return { who: 'every service account of the cluster', severity: 'high' };
  if (s.name.startsWith('system:serviceaccounts:')) return { who: `every service account of namespace "${s.name.slice('system:serviceaccounts:'.length)}"`, severity: 'medium' };
  return undefined;
}

export default defineControl({
  meta: {
    id: 'rbac-anonymous-or-broad-group-binding',
    title: 'Role bound to anonymous users or an all-encompassing group',
    severity: 'high',
    kinds: ['ClusterRoleBinding', 'RoleBinding'],
    frameworks: { cis: [], nsa: ['authn/authentication', 'authn/rbac'], pss: [], mitre: ['T1078', 'T1190'] },
    rationale:
      'system:anonymous and system:unauthenticated are anyone who can reach the API server; system:authenticated includes every service account and, on many managed clusters, any account of the cloud provider. Bootstrap discovery roles are not reported.',
    remediation: 'Bind the role to named users, groups or service accounts instead.',
  },
  check({ object, report }) {
    if (isBootstrapObject(object)) return;
    const ref = roleRefOf(object);
    if (!ref || (ref.kind === 'ClusterRole' && PUBLIC_ROLES.has(ref.name))) return;
    for (const s of subjectsOf(object)) {
      const b = breadth(s);
      if (!b) continue;
      report({
        message: `${object.kind} "${object.metadata?.name ?? ''}" grants ${ref.kind} "${ref.name}" to ${b.who} (${subjectText(s)})`,
        path: joinPointer('/subjects', s.index),
        severity: object.kind === 'RoleBinding' && b.severity !== 'critical' ? lower(b.severity) : b.severity,
      });
    }
  },
});
