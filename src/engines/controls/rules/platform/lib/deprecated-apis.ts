/**
 * Deprecated and removed API versions (Kubernetes deprecation guide), per group/version/kind:
 * the release that deprecated it, the release that stopped serving it, and what to use instead.
 * `mechanical`: the replacement has the same schema for the kind, so changing `apiVersion` is a
 * complete fix; the others need field changes (selectors, renamed fields) described in `note`.
 */
export interface ApiRemoval {
  apiVersion: string;
  kind: string;
  deprecatedIn: string;
  removedIn: string;
  /** apiVersion to migrate to; absent when the kind has no successor. */
  replacement?: string;
  /** What replaces a kind that is gone. */
  note?: string;
  mechanical: boolean;
}

const rows: ApiRemoval[] = [];
function add(apiVersion: string, kinds: string[], deprecatedIn: string, removedIn: string, replacement: string | undefined, mechanical: boolean, note?: string): void {
  for (const kind of kinds) {
    const r: ApiRemoval = { apiVersion, kind, deprecatedIn, removedIn, mechanical };
    if (replacement !== undefined) r.replacement = replacement;
    if (note !== undefined) r.note = note;
    rows.push(r);
  }
}

// 1.16
add('extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], '1.9', '1.16', 'apps/v1', false, 'spec.selector is required and immutable in apps/v1');
add('apps/v1beta1', ['Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], '1.9', '1.16', 'apps/v1', false, 'spec.selector is required and immutable in apps/v1');
add('apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], '1.9', '1.16', 'apps/v1', false, 'spec.selector is required and immutable in apps/v1');
add('extensions/v1beta1', ['NetworkPolicy'], '1.9', '1.16', 'networking.k8s.io/v1', true);
add('extensions/v1beta1', ['PodSecurityPolicy'], '1.10', '1.16', undefined, false, 'PodSecurityPolicy is gone; use Pod Security Admission');
// 1.22
add('extensions/v1beta1', ['Ingress'], '1.14', '1.22', 'networking.k8s.io/v1', false, 'backend fields are renamed and pathType is required');
add('networking.k8s.io/v1beta1', ['Ingress'], '1.19', '1.22', 'networking.k8s.io/v1', false, 'backend fields are renamed and pathType is required');
add('networking.k8s.io/v1beta1', ['IngressClass'], '1.19', '1.22', 'networking.k8s.io/v1', true);
add('admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.16', '1.22', 'admissionregistration.k8s.io/v1', false, 'sideEffects and admissionReviewVersions are required');
add('apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.16', '1.22', 'apiextensions.k8s.io/v1', false, 'a structural schema per version is required');
add('apiregistration.k8s.io/v1beta1', ['APIService'], '1.19', '1.22', 'apiregistration.k8s.io/v1', true);
add('authentication.k8s.io/v1beta1', ['TokenReview'], '1.19', '1.22', 'authentication.k8s.io/v1', true);
add('authorization.k8s.io/v1beta1', ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], '1.19', '1.22', 'authorization.k8s.io/v1', false, 'spec.group is renamed spec.groups');
add('certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.19', '1.22', 'certificates.k8s.io/v1', false, 'spec.signerName is required');
add('coordination.k8s.io/v1beta1', ['Lease'], '1.19', '1.22', 'coordination.k8s.io/v1', true);
add('rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.17', '1.22', 'rbac.authorization.k8s.io/v1', true);
add('rbac.authorization.k8s.io/v1alpha1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.17', '1.22', 'rbac.authorization.k8s.io/v1', true);
add('scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.14', '1.22', 'scheduling.k8s.io/v1', true);
add('scheduling.k8s.io/v1alpha1', ['PriorityClass'], '1.14', '1.22', 'scheduling.k8s.io/v1', true);
add('storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], '1.19', '1.22', 'storage.k8s.io/v1', true);
// 1.25
add('batch/v1beta1', ['CronJob'], '1.21', '1.25', 'batch/v1', true);
add('discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.21', '1.25', 'discovery.k8s.io/v1', false, 'topology is replaced by nodeName and zone');
add('events.k8s.io/v1beta1', ['Event'], '1.19', '1.25', 'events.k8s.io/v1', false, 'deprecated fields are renamed');
add('autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.22', '1.25', 'autoscaling/v2', false, 'metric targets use the target field');
add('policy/v1beta1', ['PodDisruptionBudget'], '1.21', '1.25', 'policy/v1', false, 'an empty selector selects every pod in policy/v1');
add('policy/v1beta1', ['PodSecurityPolicy'], '1.21', '1.25', undefined, false, 'PodSecurityPolicy is gone; use Pod Security Admission');
add('node.k8s.io/v1beta1', ['RuntimeClass'], '1.20', '1.25', 'node.k8s.io/v1', true);
// 1.26
add('flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], '1.23', '1.26', 'flowcontrol.apiserver.k8s.io/v1', true);
add('autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.23', '1.26', 'autoscaling/v2', true);
// 1.27
add('storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.24', '1.27', 'storage.k8s.io/v1', true);
// 1.29
add('flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], '1.26', '1.29', 'flowcontrol.apiserver.k8s.io/v1', true);
// 1.32
add('flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], '1.29', '1.32', 'flowcontrol.apiserver.k8s.io/v1', false, 'v1 defaults nominalConcurrencyShares differently when it is 0');

export const API_REMOVALS: readonly ApiRemoval[] = rows;

const byKey = new Map(rows.map((r) => [`${r.apiVersion}\u0000${r.kind}`, r]));

export function removalOf(apiVersion: string, kind: string): ApiRemoval | undefined {
  return byKey.get(`${apiVersion}\u0000${kind}`);
}

/** Parse `1.34`, `v1.34`, `1.34.2` into [major, minor]; undefined when malformed. */
export function parseMinor(version: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

export function atLeast(version: string, than: string): boolean {
  const a = parseMinor(version);
  const b = parseMinor(than);
  if (!a || !b) return false;
  return a[0] !== b[0] ? a[0] > b[0] : a[1] >= b[1];
}
