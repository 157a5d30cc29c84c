/**
 * The kinds Rampart reads from a cluster: what the controls, Pod Security, RBAC and NetworkPolicy
 * engines look at, and nothing else (no Events, no Endpoints, no custom resources of unrelated
 * operators). Versions are not fixed here: discovery picks the group's preferred version that
 * serves the resource.
 */

export interface CatalogEntry {
  /** API group; '' for the core group. */
  group: string;
  /** Resource (plural) name as served by discovery. */
  resource: string;
  kind: string;
  /**
   * Required kinds that the server does not serve are coverage gaps. Optional kinds (CRDs such as
   * AdminNetworkPolicy, or APIs a cluster may legitimately lack) are skipped silently when absent:
   * a cluster without the CRD holds no such objects, so nothing was missed.
   */
  optional?: boolean;
  /** Only read when asked (Secrets). */
  sensitive?: boolean;
}

export const CLUSTER_CATALOG: readonly CatalogEntry[] = [
  { group: '', resource: 'namespaces', kind: 'Namespace' },
  { group: '', resource: 'pods', kind: 'Pod' },
  { group: '', resource: 'replicationcontrollers', kind: 'ReplicationController' },
  { group: '', resource: 'services', kind: 'Service' },
  { group: '', resource: 'configmaps', kind: 'ConfigMap' },
  { group: '', resource: 'secrets', kind: 'Secret', sensitive: true },
  { group: '', resource: 'serviceaccounts', kind: 'ServiceAccount' },
  { group: '', resource: 'resourcequotas', kind: 'ResourceQuota' },
  { group: '', resource: 'limitranges', kind: 'LimitRange' },
  { group: 'apps', resource: 'deployments', kind: 'Deployment' },
  { group: 'apps', resource: 'statefulsets', kind: 'StatefulSet' },
  { group: 'apps', resource: 'daemonsets', kind: 'DaemonSet' },
  { group: 'apps', resource: 'replicasets', kind: 'ReplicaSet' },
  { group: 'batch', resource: 'jobs', kind: 'Job' },
  { group: 'batch', resource: 'cronjobs', kind: 'CronJob' },
  { group: 'networking.k8s.io', resource: 'networkpolicies', kind: 'NetworkPolicy' },
  { group: 'networking.k8s.io', resource: 'ingresses', kind: 'Ingress' },
  { group: 'rbac.authorization.k8s.io', resource: 'roles', kind: 'Role' },
  { group: 'rbac.authorization.k8s.io', resource: 'rolebindings', kind: 'RoleBinding' },
  { group: 'rbac.authorization.k8s.io', resource: 'clusterroles', kind: 'ClusterRole' },
  { group: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings', kind: 'ClusterRoleBinding' },
  { group: 'admissionregistration.k8s.io', resource: 'validatingwebhookconfigurations', kind: 'ValidatingWebhookConfiguration' },
  { group: 'admissionregistration.k8s.io', resource: 'mutatingwebhookconfigurations', kind: 'MutatingWebhookConfiguration' },
  { group: 'admissionregistration.k8s.io', resource: 'validatingadmissionpolicies', kind: 'ValidatingAdmissionPolicy', optional: true },
  { group: 'admissionregistration.k8s.io', resource: 'validatingadmissionpolicybindings', kind: 'ValidatingAdmissionPolicyBinding', optional: true },
  { group: 'policy.networking.k8s.io', resource: 'adminnetworkpolicies', kind: 'AdminNetworkPolicy', optional: true },
  { group: 'policy.networking.k8s.io', resource: 'baselineadminnetworkpolicies', kind: 'BaselineAdminNetworkPolicy', optional: true },
];

/** `secrets`, `deployments.apps`: kubectl's fully qualified resource spelling, used in coverage gaps. */
export function qualifiedResource(e: { group: string; resource: string }): string {
  return e.group ? `${e.resource}.${e.group}` : e.resource;
}
