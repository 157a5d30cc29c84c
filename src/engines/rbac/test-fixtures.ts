/** Builders for RBAC objects in tests (plain data, as the loader would produce it). */
import type { K8sObject } from '../../model/types.js';

type RuleSpec = { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[]; nonResourceURLs?: string[] };
type SubjectSpec = { kind: string; name: string; namespace?: string; apiGroup?: string };

const RBAC = 'rbac.authorization.k8s.io/v1';

export function clusterRole(name: string, rules: RuleSpec[], extra: { labels?: Record<string, string>; aggregate?: Record<string, unknown>[] } = {}): K8sObject {
  const obj: K8sObject = { apiVersion: RBAC, kind: 'ClusterRole', metadata: { name, ...(extra.labels ? { labels: extra.labels } : {}) }, rules };
  if (extra.aggregate) obj['aggregationRule'] = { clusterRoleSelectors: extra.aggregate };
  return obj;
}

export function role(namespace: string, name: string, rules: RuleSpec[]): K8sObject {
  return { apiVersion: RBAC, kind: 'Role', metadata: { name, namespace }, rules };
}

/** Subjects written `User:x`, `Group:x`, `ServiceAccount:ns:x` or `ServiceAccount::x` (no namespace). */
export function subjects(list: string[]): SubjectSpec[] {
  return list.map((s) => {
    const [kind = '', a = '', b] = s.split(/:(.*)/s).filter((x) => x !== undefined);
    if (kind === 'ServiceAccount') {
      const sep = a.indexOf(':');
      const ns = a.slice(0, sep);
      const name = a.slice(sep + 1);
      return ns ? { kind, name, namespace: ns } : { kind, name };
    }
    void b;
    return { kind, name: a, apiGroup: 'rbac.authorization.k8s.io' };
  });
}

export function roleBinding(namespace: string, name: string, roleRef: { kind: 'Role' | 'ClusterRole'; name: string }, subs: string[]): K8sObject {
  return { apiVersion: RBAC, kind: 'RoleBinding', metadata: { name, namespace }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef }, subjects: subjects(subs) };
}

export function clusterRoleBinding(name: string, roleName: string, subs: string[]): K8sObject {
  return { apiVersion: RBAC, kind: 'ClusterRoleBinding', metadata: { name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName }, subjects: subjects(subs) };
}

export function serviceAccount(namespace: string, name: string): K8sObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } };
}

export function deployment(namespace: string, name: string, sa: string): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { template: { metadata: { labels: { app: name } }, spec: { serviceAccountName: sa, containers: [{ name: 'c', image: 'x' }] } } },
  };
}
