/**
 * Kubernetes' bootstrap RBAC policy for the release pinned in scripts/k8s/versions.ts (v1.36):
 * the ClusterRoles, ClusterRoleBindings and kube-system/kube-public Roles and RoleBindings that
 * kube-apiserver's `rbac/bootstrap-roles` post-start hook writes into every cluster
 * (plugin/pkg/auth/authorizer/rbac/bootstrappolicy: policy.go, controller_policy.go,
 * namespace_policy.go and their testdata/*.yaml), with the default feature gates.
 *
 * Manifests rarely include these objects, yet they decide what a binding to `cluster-admin`,
 * `admin`, `edit` or `view` grants. The model adds one only where the input has no object of the
 * same kind, namespace and name (an edited cluster keeps its edits: the input wins).
 *
 * `admin`, `edit` and `view` are aggregated: their rules are empty here and computed by the
 * engine's aggregation (as the clusterrole-aggregation controller does) from the
 * `system:aggregate-to-*` roles and any input ClusterRole carrying the same labels.
 *
 * Provenance of the data: the objects the pinned kube-apiserver (v1.36.3, built by
 * scripts/k8s/ensure-binaries.ts) writes at start-up with the aggregation controller running,
 * rewritten in the compact form below (admin/edit/view keep only their aggregationRule), and
 * cross-read against upstream's bootstrappolicy sources. test/integration/rbac-bootstrap.test.ts
 * compares every entry with what that server creates (rules both ways with the escalation-check
 * Covers semantics, bindings exactly, SubjectAccessReview answers); when the pinned version
 * moves, that test names each difference.
 */
import type { K8sObject } from '../../model/types.js';

/** A PolicyRule, compactly: v verbs, g apiGroups, r resources, n resourceNames, u nonResourceURLs. */
export interface BootstrapRuleData {
  v: readonly string[];
  g?: readonly string[];
  r?: readonly string[];
  n?: readonly string[];
  u?: readonly string[];
}

export interface BootstrapRoleData {
  name: string;
  /** Roles only (kube-system / kube-public). */
  namespace?: string;
  /** `rbac.authorization.k8s.io/aggregate-to-<x>: "true"` labels this role carries. */
  aggregateTo?: readonly string[];
  /** An aggregationRule selecting `rbac.authorization.k8s.io/aggregate-to-<x>: "true"`, per entry. */
  aggregates?: readonly string[];
  rules: readonly BootstrapRuleData[];
}

export interface BootstrapBindingData {
  name: string;
  /** RoleBindings only. */
  namespace?: string;
  role: string;
  /** RoleBindings: `Role` or `ClusterRole` (ClusterRoleBindings always reference a ClusterRole). */
  roleKind?: 'Role' | 'ClusterRole';
  subjects: readonly { kind: 'User' | 'Group' | 'ServiceAccount'; name: string; namespace?: string }[];
}

/** Where an RBAC object of the model comes from. */
export type RbacSource = 'input' | 'bootstrap';

export const RBAC_API_VERSION = 'rbac.authorization.k8s.io/v1';
const AGGREGATE_LABEL_PREFIX = 'rbac.authorization.k8s.io/aggregate-to-';
/** Every bootstrap object carries this label upstream. */
export const BOOTSTRAP_LABEL = { 'kubernetes.io/bootstrapping': 'rbac-defaults' } as const;

function ruleObject(r: BootstrapRuleData): Record<string, unknown> {
  const out: Record<string, unknown> = { verbs: [...r.v] };
  if (r.g) out['apiGroups'] = [...r.g];
  if (r.r) out['resources'] = [...r.r];
  if (r.n) out['resourceNames'] = [...r.n];
  if (r.u) out['nonResourceURLs'] = [...r.u];
  return out;
}

function roleObject(kind: 'Role' | 'ClusterRole', d: BootstrapRoleData): K8sObject {
  const labels: Record<string, string> = { ...BOOTSTRAP_LABEL };
  for (const t of d.aggregateTo ?? []) labels[`${AGGREGATE_LABEL_PREFIX}${t}`] = 'true';
  const obj: K8sObject = { apiVersion: RBAC_API_VERSION, kind, metadata: { name: d.name, labels, ...(d.namespace ? { namespace: d.namespace } : {}) }, rules: d.rules.map(ruleObject) };
  if (d.aggregates) obj['aggregationRule'] = { clusterRoleSelectors: d.aggregates.map((t) => ({ matchLabels: { [`${AGGREGATE_LABEL_PREFIX}${t}`]: 'true' } })) };
  return obj;
}

function bindingObject(kind: 'RoleBinding' | 'ClusterRoleBinding', d: BootstrapBindingData): K8sObject {
  return {
    apiVersion: RBAC_API_VERSION,
    kind,
    metadata: { name: d.name, labels: { ...BOOTSTRAP_LABEL }, ...(d.namespace ? { namespace: d.namespace } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: d.roleKind ?? 'ClusterRole', name: d.role },
    subjects: d.subjects.map((s) => (s.kind === 'ServiceAccount' ? { ...s } : { ...s, apiGroup: 'rbac.authorization.k8s.io' })),
  };
}

/** The bootstrap policy as Kubernetes objects (fresh copies: callers may keep them). */
export function bootstrapObjects(): K8sObject[] {
  return [
    ...CLUSTER_ROLES.map((d) => roleObject('ClusterRole', d)),
    ...NAMESPACE_ROLES.map((d) => roleObject('Role', d)),
    ...CLUSTER_ROLE_BINDINGS.map((d) => bindingObject('ClusterRoleBinding', d)),
    ...NAMESPACE_ROLE_BINDINGS.map((d) => bindingObject('RoleBinding', d)),
  ];
}

/** `Kind/<ns>/<name>` or `Kind/<name>`: the identity "input wins" compares. */
export function objectKey(kind: string, namespace: string, name: string): string {
  return namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
}

// ---- Data (kube-apiserver v1.36.3, default feature gates) ----

export const CLUSTER_ROLES: readonly BootstrapRoleData[] = [
  { name: 'admin', aggregates: ['admin'], rules: [] },
  { name: 'cluster-admin', rules: [
    { v: ['*'], g: ['*'], r: ['*'] },
    { v: ['*'], u: ['*'] },
  ] },
  { name: 'edit', aggregateTo: ['admin'], aggregates: ['edit'], rules: [] },
  { name: 'system:aggregate-to-admin', aggregateTo: ['admin'], rules: [
    { v: ['create'], g: ['authorization.k8s.io'], r: ['localsubjectaccessreviews'] },
    { v: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], g: ['rbac.authorization.k8s.io'], r: ['rolebindings', 'roles'] },
  ] },
  { name: 'system:aggregate-to-edit', aggregateTo: ['edit'], rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'] },
    { v: ['impersonate'], g: [''], r: ['serviceaccounts'] },
    { v: ['create', 'delete', 'deletecollection', 'patch', 'update'], g: [''], r: ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'] },
    { v: ['create'], g: [''], r: ['pods/eviction'] },
    { v: ['create', 'delete', 'deletecollection', 'patch', 'update'], g: [''], r: ['configmaps', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'] },
    { v: ['create'], g: [''], r: ['serviceaccounts/token'] },
    { v: ['create', 'delete', 'deletecollection', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
    { v: ['create', 'delete', 'deletecollection', 'patch', 'update'], g: ['apps'], r: ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'] },
    { v: ['create', 'delete', 'deletecollection', 'patch', 'update'], g: ['autoscaling'], r: ['horizontalpodautoscalers'] },
    { v: ['create', 'delete', 'deletecollection', 'patch', 'update'], g: ['batch'], r: ['cronjobs', 'jobs'] },
    { v: ['create', 'delete', 'deletecollection', 'patch', 'update'], g: ['extensions'], r: ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale'] },
    { v: ['create', 'delete', 'deletecollection', 'patch', 'update'], g: ['policy'], r: ['poddisruptionbudgets'] },
    { v: ['create', 'delete', 'deletecollection', 'patch', 'update'], g: ['networking.k8s.io'], r: ['ingresses', 'networkpolicies'] },
    { v: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], g: ['coordination.k8s.io'], r: ['leases'] },
    { v: ['create', 'delete', 'deletecollection', 'patch', 'update'], g: ['resource.k8s.io'], r: ['resourceclaims', 'resourceclaimtemplates'] },
  ] },
  { name: 'system:aggregate-to-view', aggregateTo: ['view'], rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['bindings', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['namespaces'] },
    { v: ['get', 'list', 'watch'], g: ['', 'events.k8s.io'], r: ['events'] },
    { v: ['get', 'list', 'watch'], g: ['discovery.k8s.io'], r: ['endpointslices'] },
    { v: ['get', 'list', 'watch'], g: ['apps'], r: ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status'] },
    { v: ['get', 'list', 'watch'], g: ['autoscaling'], r: ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'] },
    { v: ['get', 'list', 'watch'], g: ['batch'], r: ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'] },
    { v: ['get', 'list', 'watch'], g: ['extensions'], r: ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale'] },
    { v: ['get', 'list', 'watch'], g: ['policy'], r: ['poddisruptionbudgets', 'poddisruptionbudgets/status'] },
    { v: ['get', 'list', 'watch'], g: ['networking.k8s.io'], r: ['ingresses', 'ingresses/status', 'networkpolicies'] },
    { v: ['get', 'list', 'watch'], g: ['resource.k8s.io'], r: ['resourceclaims', 'resourceclaims/status', 'resourceclaimtemplates'] },
  ] },
  { name: 'system:auth-delegator', rules: [
    { v: ['create'], g: ['authentication.k8s.io'], r: ['tokenreviews'] },
    { v: ['create'], g: ['authorization.k8s.io'], r: ['subjectaccessreviews'] },
  ] },
  { name: 'system:basic-user', rules: [
    { v: ['create'], g: ['authorization.k8s.io'], r: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
    { v: ['create'], g: ['authentication.k8s.io'], r: ['selfsubjectreviews'] },
  ] },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', rules: [
    { v: ['create'], g: ['certificates.k8s.io'], r: ['certificatesigningrequests/nodeclient'] },
  ] },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', rules: [
    { v: ['create'], g: ['certificates.k8s.io'], r: ['certificatesigningrequests/selfnodeclient'] },
  ] },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-approver', rules: [
    { v: ['approve'], g: ['certificates.k8s.io'], r: ['signers'], n: ['kubernetes.io/kube-apiserver-client'] },
  ] },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', rules: [
    { v: ['approve'], g: ['certificates.k8s.io'], r: ['signers'], n: ['kubernetes.io/kube-apiserver-client-kubelet'] },
  ] },
  { name: 'system:certificates.k8s.io:kubelet-serving-approver', rules: [
    { v: ['approve'], g: ['certificates.k8s.io'], r: ['signers'], n: ['kubernetes.io/kubelet-serving'] },
  ] },
  { name: 'system:certificates.k8s.io:legacy-unknown-approver', rules: [
    { v: ['approve'], g: ['certificates.k8s.io'], r: ['signers'], n: ['kubernetes.io/legacy-unknown'] },
  ] },
  { name: 'system:controller:attachdetach-controller', rules: [
    { v: ['list', 'watch'], g: [''], r: ['persistentvolumeclaims', 'persistentvolumes'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['nodes'] },
    { v: ['patch', 'update'], g: [''], r: ['nodes/status'] },
    { v: ['list', 'watch'], g: [''], r: ['pods'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
    { v: ['create', 'delete', 'get', 'list', 'watch'], g: ['storage.k8s.io'], r: ['volumeattachments'] },
    { v: ['get', 'list', 'watch'], g: ['storage.k8s.io'], r: ['csidrivers'] },
    { v: ['get', 'list', 'watch'], g: ['storage.k8s.io'], r: ['csinodes'] },
  ] },
  { name: 'system:controller:certificate-controller', rules: [
    { v: ['delete', 'get', 'list', 'watch'], g: ['certificates.k8s.io'], r: ['certificatesigningrequests'] },
    { v: ['update'], g: ['certificates.k8s.io'], r: ['certificatesigningrequests/approval', 'certificatesigningrequests/status'] },
    { v: ['approve'], g: ['certificates.k8s.io'], r: ['signers'], n: ['kubernetes.io/kube-apiserver-client-kubelet'] },
    { v: ['sign'], g: ['certificates.k8s.io'], r: ['signers'], n: ['kubernetes.io/kube-apiserver-client', 'kubernetes.io/kube-apiserver-client-kubelet', 'kubernetes.io/kubelet-serving', 'kubernetes.io/legacy-unknown'] },
    { v: ['create'], g: ['authorization.k8s.io'], r: ['subjectaccessreviews'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:clusterrole-aggregation-controller', rules: [
    { v: ['escalate', 'get', 'list', 'patch', 'update', 'watch'], g: ['rbac.authorization.k8s.io'], r: ['clusterroles'] },
  ] },
  { name: 'system:controller:cronjob-controller', rules: [
    { v: ['get', 'list', 'update', 'watch'], g: ['batch'], r: ['cronjobs'] },
    { v: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], g: ['batch'], r: ['jobs'] },
    { v: ['update'], g: ['batch'], r: ['cronjobs/status'] },
    { v: ['update'], g: ['batch'], r: ['cronjobs/finalizers'] },
    { v: ['delete', 'list', 'watch'], g: [''], r: ['pods'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:daemon-set-controller', rules: [
    { v: ['get', 'list', 'watch'], g: ['apps', 'extensions'], r: ['daemonsets'] },
    { v: ['update'], g: ['apps', 'extensions'], r: ['daemonsets/status'] },
    { v: ['update'], g: ['apps', 'extensions'], r: ['daemonsets/finalizers'] },
    { v: ['list', 'watch'], g: [''], r: ['nodes'] },
    { v: ['create', 'delete', 'list', 'patch', 'watch'], g: [''], r: ['pods'] },
    { v: ['create'], g: [''], r: ['pods/binding'] },
    { v: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], g: ['apps'], r: ['controllerrevisions'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:deployment-controller', rules: [
    { v: ['get', 'list', 'update', 'watch'], g: ['apps', 'extensions'], r: ['deployments'] },
    { v: ['update'], g: ['apps', 'extensions'], r: ['deployments/status'] },
    { v: ['update'], g: ['apps', 'extensions'], r: ['deployments/finalizers'] },
    { v: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], g: ['apps', 'extensions'], r: ['replicasets'] },
    { v: ['get', 'list', 'update', 'watch'], g: [''], r: ['pods'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:device-taint-eviction-controller', rules: [
    { v: ['delete', 'get', 'list', 'watch'], g: [''], r: ['pods'] },
    { v: ['patch', 'update'], g: [''], r: ['pods/status'] },
    { v: ['get', 'list', 'watch'], g: ['resource.k8s.io'], r: ['resourceclaims'] },
    { v: ['get', 'list', 'watch'], g: ['resource.k8s.io'], r: ['resourceslices'] },
    { v: ['get', 'list', 'watch'], g: ['resource.k8s.io'], r: ['deviceclasses'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:disruption-controller', rules: [
    { v: ['get', 'list', 'watch'], g: ['apps', 'extensions'], r: ['deployments'] },
    { v: ['get', 'list', 'watch'], g: ['apps', 'extensions'], r: ['replicasets'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['replicationcontrollers'] },
    { v: ['get', 'list', 'watch'], g: ['policy'], r: ['poddisruptionbudgets'] },
    { v: ['get', 'list', 'watch'], g: ['apps'], r: ['statefulsets'] },
    { v: ['update'], g: ['policy'], r: ['poddisruptionbudgets/status'] },
    { v: ['patch', 'update'], g: [''], r: ['pods/status'] },
    { v: ['get'], g: ['*'], r: ['*/scale'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:endpoint-controller', rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['pods', 'services'] },
    { v: ['create', 'delete', 'get', 'list', 'update', 'watch'], g: [''], r: ['endpoints'] },
    { v: ['create'], g: [''], r: ['endpoints/restricted'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:endpointslice-controller', rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['nodes', 'pods', 'services'] },
    { v: ['update'], g: [''], r: ['services/finalizers'] },
    { v: ['create', 'delete', 'get', 'list', 'update', 'watch'], g: ['discovery.k8s.io'], r: ['endpointslices'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:endpointslicemirroring-controller', rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['endpoints', 'services'] },
    { v: ['update'], g: [''], r: ['services/finalizers'] },
    { v: ['update'], g: [''], r: ['endpoints/finalizers'] },
    { v: ['create', 'delete', 'get', 'list', 'update', 'watch'], g: ['discovery.k8s.io'], r: ['endpointslices'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:ephemeral-volume-controller', rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['pods'] },
    { v: ['update'], g: [''], r: ['pods/finalizers'] },
    { v: ['create', 'get', 'list', 'watch'], g: [''], r: ['persistentvolumeclaims'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:expand-controller', rules: [
    { v: ['get', 'list', 'patch', 'update', 'watch'], g: [''], r: ['persistentvolumes'] },
    { v: ['patch', 'update'], g: [''], r: ['persistentvolumeclaims/status'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['persistentvolumeclaims'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:generic-garbage-collector', rules: [
    { v: ['delete', 'get', 'list', 'patch', 'update', 'watch'], g: ['*'], r: ['*'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:horizontal-pod-autoscaler', rules: [
    { v: ['get', 'list', 'watch'], g: ['autoscaling'], r: ['horizontalpodautoscalers'] },
    { v: ['update'], g: ['autoscaling'], r: ['horizontalpodautoscalers/status'] },
    { v: ['get', 'update'], g: ['*'], r: ['*/scale'] },
    { v: ['list', 'watch'], g: [''], r: ['pods'] },
    { v: ['list', 'watch'], g: ['metrics.k8s.io'], r: ['pods'] },
    { v: ['get', 'list', 'watch'], g: ['custom.metrics.k8s.io'], r: ['*'] },
    { v: ['get', 'list', 'watch'], g: ['external.metrics.k8s.io'], r: ['*'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:job-controller', rules: [
    { v: ['get', 'list', 'patch', 'update', 'watch'], g: ['batch'], r: ['jobs'] },
    { v: ['update'], g: ['batch'], r: ['jobs/status'] },
    { v: ['update'], g: ['batch'], r: ['jobs/finalizers'] },
    { v: ['create', 'delete', 'list', 'patch', 'watch'], g: [''], r: ['pods'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:legacy-service-account-token-cleaner', rules: [
    { v: ['get'], g: [''], r: ['configmaps'], n: ['kube-apiserver-legacy-service-account-token-tracking'] },
    { v: ['delete', 'patch'], g: [''], r: ['secrets'] },
  ] },
  { name: 'system:controller:namespace-controller', rules: [
    { v: ['delete', 'get', 'list', 'watch'], g: [''], r: ['namespaces'] },
    { v: ['update'], g: [''], r: ['namespaces/finalize', 'namespaces/status'] },
    { v: ['delete', 'deletecollection', 'get', 'list', 'watch'], g: ['*'], r: ['*'] },
  ] },
  { name: 'system:controller:node-controller', rules: [
    { v: ['delete', 'get', 'list', 'patch', 'update', 'watch'], g: [''], r: ['nodes'] },
    { v: ['patch', 'update'], g: [''], r: ['nodes/status'] },
    { v: ['patch', 'update'], g: [''], r: ['pods/status'] },
    { v: ['delete', 'get', 'list', 'watch'], g: [''], r: ['pods'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:persistent-volume-binder', rules: [
    { v: ['create', 'delete', 'get', 'list', 'update', 'watch'], g: [''], r: ['persistentvolumes'] },
    { v: ['update'], g: [''], r: ['persistentvolumes/status'] },
    { v: ['get', 'list', 'update', 'watch'], g: [''], r: ['persistentvolumeclaims'] },
    { v: ['update'], g: [''], r: ['persistentvolumeclaims/status'] },
    { v: ['create', 'delete', 'get', 'list', 'watch'], g: [''], r: ['pods'] },
    { v: ['get', 'list', 'watch'], g: ['storage.k8s.io'], r: ['storageclasses'] },
    { v: ['list', 'watch'], g: [''], r: ['nodes'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
    { v: ['watch'], g: [''], r: ['events'] },
  ] },
  { name: 'system:controller:pod-garbage-collector', rules: [
    { v: ['delete', 'list', 'watch'], g: [''], r: ['pods'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['nodes'] },
    { v: ['patch'], g: [''], r: ['pods/status'] },
  ] },
  { name: 'system:controller:pv-protection-controller', rules: [
    { v: ['get', 'list', 'update', 'watch'], g: [''], r: ['persistentvolumes'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:pvc-protection-controller', rules: [
    { v: ['get', 'list', 'update', 'watch'], g: [''], r: ['persistentvolumeclaims'] },
    { v: ['update'], g: [''], r: ['persistentvolumeclaims/status'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['pods'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:replicaset-controller', rules: [
    { v: ['get', 'list', 'update', 'watch'], g: ['apps', 'extensions'], r: ['replicasets'] },
    { v: ['update'], g: ['apps', 'extensions'], r: ['replicasets/status'] },
    { v: ['update'], g: ['apps', 'extensions'], r: ['replicasets/finalizers'] },
    { v: ['create', 'delete', 'list', 'patch', 'watch'], g: [''], r: ['pods'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:replication-controller', rules: [
    { v: ['get', 'list', 'update', 'watch'], g: [''], r: ['replicationcontrollers'] },
    { v: ['update'], g: [''], r: ['replicationcontrollers/status'] },
    { v: ['update'], g: [''], r: ['replicationcontrollers/finalizers'] },
    { v: ['create', 'delete', 'list', 'patch', 'watch'], g: [''], r: ['pods'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:resource-claim-controller', rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['pods'] },
    { v: ['update'], g: [''], r: ['pods/finalizers'] },
    { v: ['create', 'delete', 'get', 'list', 'watch'], g: ['resource.k8s.io'], r: ['resourceclaims'] },
    { v: ['patch', 'update'], g: ['resource.k8s.io'], r: ['resourceclaims', 'resourceclaims/status'] },
    { v: ['patch', 'update'], g: [''], r: ['pods/status'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
    { v: ['patch', 'update'], g: ['resource.k8s.io'], r: ['resourceclaims/binding'] },
  ] },
  { name: 'system:controller:resourcequota-controller', rules: [
    { v: ['list', 'watch'], g: ['*'], r: ['*'] },
    { v: ['update'], g: [''], r: ['resourcequotas/status'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:root-ca-cert-publisher', rules: [
    { v: ['create', 'update'], g: [''], r: ['configmaps'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:route-controller', rules: [
    { v: ['list', 'watch'], g: [''], r: ['nodes'] },
    { v: ['patch'], g: [''], r: ['nodes/status'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:selinux-warning-controller', rules: [
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['persistentvolumes'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['persistentvolumeclaims'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['pods'] },
    { v: ['get', 'list', 'watch'], g: ['storage.k8s.io'], r: ['csidrivers'] },
  ] },
  { name: 'system:controller:service-account-controller', rules: [
    { v: ['create'], g: [''], r: ['serviceaccounts'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:service-cidrs-controller', rules: [
    { v: ['get', 'list', 'patch', 'update', 'watch'], g: ['networking.k8s.io'], r: ['servicecidrs'] },
    { v: ['patch', 'update'], g: ['networking.k8s.io'], r: ['servicecidrs/finalizers'] },
    { v: ['patch', 'update'], g: ['networking.k8s.io'], r: ['servicecidrs/status'] },
    { v: ['get', 'list', 'watch'], g: ['networking.k8s.io'], r: ['ipaddresses'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:service-controller', rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['services'] },
    { v: ['patch', 'update'], g: [''], r: ['services/status'] },
    { v: ['list', 'watch'], g: [''], r: ['nodes'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:statefulset-controller', rules: [
    { v: ['list', 'watch'], g: [''], r: ['pods'] },
    { v: ['get', 'list', 'watch'], g: ['apps'], r: ['statefulsets'] },
    { v: ['update'], g: ['apps'], r: ['statefulsets/status'] },
    { v: ['update'], g: ['apps'], r: ['statefulsets/finalizers'] },
    { v: ['create', 'delete', 'get', 'patch', 'update'], g: [''], r: ['pods'] },
    { v: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], g: ['apps'], r: ['controllerrevisions'] },
    { v: ['create', 'get', 'list', 'watch'], g: [''], r: ['persistentvolumeclaims'] },
    { v: ['delete', 'update'], g: [''], r: ['persistentvolumeclaims'] },
    { v: ['update'], g: [''], r: ['pods/finalizers'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:ttl-after-finished-controller', rules: [
    { v: ['delete', 'get', 'list', 'watch'], g: ['batch'], r: ['jobs'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:ttl-controller', rules: [
    { v: ['list', 'patch', 'update', 'watch'], g: [''], r: ['nodes'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:validatingadmissionpolicy-status-controller', rules: [
    { v: ['get', 'list', 'watch'], g: ['admissionregistration.k8s.io'], r: ['validatingadmissionpolicies'] },
    { v: ['get', 'patch', 'update'], g: ['admissionregistration.k8s.io'], r: ['validatingadmissionpolicies/status'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:controller:volumeattributesclass-protection-controller', rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['persistentvolumeclaims'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['persistentvolumes'] },
    { v: ['get', 'list', 'update', 'watch'], g: ['storage.k8s.io'], r: ['volumeattributesclasses'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:discovery', rules: [
    { v: ['get'], u: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'] },
  ] },
  { name: 'system:heapster', rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['events', 'namespaces', 'nodes', 'pods'] },
    { v: ['get', 'list', 'watch'], g: ['extensions'], r: ['deployments'] },
  ] },
  { name: 'system:kube-aggregator', rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['endpoints', 'services'] },
  ] },
  { name: 'system:kube-controller-manager', rules: [
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
    { v: ['create'], g: ['coordination.k8s.io'], r: ['leases'] },
    { v: ['get', 'update'], g: ['coordination.k8s.io'], r: ['leases'], n: ['kube-controller-manager'] },
    { v: ['create'], g: [''], r: ['secrets', 'serviceaccounts'] },
    { v: ['delete'], g: [''], r: ['secrets'] },
    { v: ['get'], g: [''], r: ['configmaps', 'namespaces', 'secrets', 'serviceaccounts'] },
    { v: ['update'], g: [''], r: ['secrets', 'serviceaccounts'] },
    { v: ['create'], g: ['authentication.k8s.io'], r: ['tokenreviews'] },
    { v: ['create'], g: ['authorization.k8s.io'], r: ['subjectaccessreviews'] },
    { v: ['list', 'watch'], g: ['*'], r: ['*'] },
    { v: ['create'], g: [''], r: ['serviceaccounts/token'] },
  ] },
  { name: 'system:kube-dns', rules: [
    { v: ['list', 'watch'], g: [''], r: ['endpoints', 'services'] },
  ] },
  { name: 'system:kube-scheduler', rules: [
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
    { v: ['create'], g: ['coordination.k8s.io'], r: ['leases'] },
    { v: ['get', 'list', 'update', 'watch'], g: ['coordination.k8s.io'], r: ['leases'], n: ['kube-scheduler'] },
    { v: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], g: ['coordination.k8s.io'], r: ['leasecandidates'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['nodes'] },
    { v: ['delete', 'get', 'list', 'watch'], g: [''], r: ['pods'] },
    { v: ['create'], g: [''], r: ['bindings', 'pods/binding'] },
    { v: ['patch', 'update'], g: [''], r: ['pods/status'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['replicationcontrollers', 'services'] },
    { v: ['get', 'list', 'watch'], g: ['apps', 'extensions'], r: ['replicasets'] },
    { v: ['get', 'list', 'watch'], g: ['apps'], r: ['statefulsets'] },
    { v: ['get', 'list', 'watch'], g: ['policy'], r: ['poddisruptionbudgets'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['persistentvolumeclaims', 'persistentvolumes'] },
    { v: ['create'], g: ['authentication.k8s.io'], r: ['tokenreviews'] },
    { v: ['create'], g: ['authorization.k8s.io'], r: ['subjectaccessreviews'] },
    { v: ['get', 'list', 'watch'], g: ['storage.k8s.io'], r: ['csinodes'] },
    { v: ['get', 'list', 'watch'], g: ['storage.k8s.io'], r: ['volumeattachments'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['namespaces'] },
    { v: ['get', 'list', 'watch'], g: ['storage.k8s.io'], r: ['csidrivers'] },
    { v: ['get', 'list', 'watch'], g: ['storage.k8s.io'], r: ['csistoragecapacities'] },
    { v: ['get', 'list', 'watch'], g: ['resource.k8s.io'], r: ['deviceclasses'] },
    { v: ['get', 'list', 'patch', 'update', 'watch'], g: ['resource.k8s.io'], r: ['resourceclaims'] },
    { v: ['get', 'list', 'patch', 'update', 'watch'], g: ['resource.k8s.io'], r: ['resourceclaims/status'] },
    { v: ['update'], g: [''], r: ['pods/finalizers'] },
    { v: ['get', 'list', 'watch'], g: ['resource.k8s.io'], r: ['resourceslices'] },
    { v: ['create', 'delete'], g: ['resource.k8s.io'], r: ['resourceclaims'] },
    { v: ['patch', 'update'], g: ['resource.k8s.io'], r: ['resourceclaims/binding'] },
  ] },
  { name: 'system:kubelet-api-admin', rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['nodes'] },
    { v: ['proxy'], g: [''], r: ['nodes'] },
    { v: ['*'], g: [''], r: ['nodes/log', 'nodes/metrics', 'nodes/proxy', 'nodes/stats'] },
    { v: ['*'], g: [''], r: ['nodes/configz', 'nodes/healthz', 'nodes/pods'] },
  ] },
  { name: 'system:monitoring', rules: [
    { v: ['get'], u: ['/flagz', '/healthz', '/healthz/*', '/livez', '/livez/*', '/metrics', '/metrics/slis', '/readyz', '/readyz/*', '/statusz'] },
    { v: ['get'], g: [''], r: ['nodes/metrics'] },
  ] },
  { name: 'system:node', rules: [
    { v: ['create'], g: ['authentication.k8s.io'], r: ['tokenreviews'] },
    { v: ['create'], g: ['authorization.k8s.io'], r: ['localsubjectaccessreviews', 'subjectaccessreviews'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['services'] },
    { v: ['create', 'get', 'list', 'watch'], g: [''], r: ['nodes'] },
    { v: ['patch', 'update'], g: [''], r: ['nodes/status'] },
    { v: ['patch', 'update'], g: [''], r: ['nodes'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['pods'] },
    { v: ['create', 'delete'], g: [''], r: ['pods'] },
    { v: ['patch', 'update'], g: [''], r: ['pods/status'] },
    { v: ['create'], g: [''], r: ['pods/eviction'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['configmaps', 'secrets'] },
    { v: ['get'], g: [''], r: ['persistentvolumeclaims', 'persistentvolumes'] },
    { v: ['get'], g: [''], r: ['endpoints'] },
    { v: ['create', 'get', 'list', 'watch'], g: ['certificates.k8s.io'], r: ['certificatesigningrequests'] },
    { v: ['create', 'delete', 'get', 'patch', 'update'], g: ['coordination.k8s.io'], r: ['leases'] },
    { v: ['get'], g: ['storage.k8s.io'], r: ['volumeattachments'] },
    { v: ['create'], g: [''], r: ['serviceaccounts/token'] },
    { v: ['get', 'patch', 'update'], g: [''], r: ['persistentvolumeclaims/status'] },
    { v: ['get', 'list', 'watch'], g: ['storage.k8s.io'], r: ['csidrivers'] },
    { v: ['create', 'delete', 'get', 'patch', 'update'], g: ['storage.k8s.io'], r: ['csinodes'] },
    { v: ['get', 'list', 'watch'], g: ['node.k8s.io'], r: ['runtimeclasses'] },
    { v: ['get'], g: ['resource.k8s.io'], r: ['resourceclaims'] },
    { v: ['deletecollection'], g: ['resource.k8s.io'], r: ['resourceslices'] },
    { v: ['get'], g: [''], r: ['serviceaccounts'] },
  ] },
  { name: 'system:node-bootstrapper', rules: [
    { v: ['create', 'get', 'list', 'watch'], g: ['certificates.k8s.io'], r: ['certificatesigningrequests'] },
  ] },
  { name: 'system:node-problem-detector', rules: [
    { v: ['get'], g: [''], r: ['nodes'] },
    { v: ['patch'], g: [''], r: ['nodes/status'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:node-proxier', rules: [
    { v: ['list', 'watch'], g: [''], r: ['endpoints', 'services'] },
    { v: ['get', 'list', 'watch'], g: [''], r: ['nodes'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
    { v: ['list', 'watch'], g: ['networking.k8s.io'], r: ['servicecidrs'] },
    { v: ['list', 'watch'], g: ['discovery.k8s.io'], r: ['endpointslices'] },
  ] },
  { name: 'system:persistent-volume-provisioner', rules: [
    { v: ['create', 'delete', 'get', 'list', 'watch'], g: [''], r: ['persistentvolumes'] },
    { v: ['get', 'list', 'update', 'watch'], g: [''], r: ['persistentvolumeclaims'] },
    { v: ['get', 'list', 'watch'], g: ['storage.k8s.io'], r: ['storageclasses'] },
    { v: ['watch'], g: [''], r: ['events'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { name: 'system:public-info-viewer', rules: [
    { v: ['get'], u: ['/healthz', '/livez', '/readyz', '/version', '/version/'] },
  ] },
  { name: 'system:service-account-issuer-discovery', rules: [
    { v: ['get'], u: ['/.well-known/openid-configuration', '/.well-known/openid-configuration/', '/openid/v1/jwks', '/openid/v1/jwks/'] },
  ] },
  { name: 'system:volume-scheduler', rules: [
    { v: ['get', 'list', 'patch', 'update', 'watch'], g: [''], r: ['persistentvolumes'] },
    { v: ['get', 'list', 'watch'], g: ['storage.k8s.io'], r: ['storageclasses'] },
    { v: ['get', 'list', 'patch', 'update', 'watch'], g: [''], r: ['persistentvolumeclaims'] },
  ] },
  { name: 'view', aggregateTo: ['edit'], aggregates: ['view'], rules: [] },
];

export const CLUSTER_ROLE_BINDINGS: readonly BootstrapBindingData[] = [
  { name: 'cluster-admin', role: 'cluster-admin', subjects: [{ kind: 'Group', name: 'system:masters' }] },
  { name: 'system:basic-user', role: 'system:basic-user', subjects: [{ kind: 'Group', name: 'system:authenticated' }] },
  { name: 'system:controller:attachdetach-controller', role: 'system:controller:attachdetach-controller', subjects: [{ kind: 'ServiceAccount', name: 'attachdetach-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:certificate-controller', role: 'system:controller:certificate-controller', subjects: [{ kind: 'ServiceAccount', name: 'certificate-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:clusterrole-aggregation-controller', role: 'system:controller:clusterrole-aggregation-controller', subjects: [{ kind: 'ServiceAccount', name: 'clusterrole-aggregation-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:cronjob-controller', role: 'system:controller:cronjob-controller', subjects: [{ kind: 'ServiceAccount', name: 'cronjob-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:daemon-set-controller', role: 'system:controller:daemon-set-controller', subjects: [{ kind: 'ServiceAccount', name: 'daemon-set-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:deployment-controller', role: 'system:controller:deployment-controller', subjects: [{ kind: 'ServiceAccount', name: 'deployment-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:device-taint-eviction-controller', role: 'system:controller:device-taint-eviction-controller', subjects: [{ kind: 'ServiceAccount', name: 'device-taint-eviction-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:disruption-controller', role: 'system:controller:disruption-controller', subjects: [{ kind: 'ServiceAccount', name: 'disruption-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:endpoint-controller', role: 'system:controller:endpoint-controller', subjects: [{ kind: 'ServiceAccount', name: 'endpoint-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:endpointslice-controller', role: 'system:controller:endpointslice-controller', subjects: [{ kind: 'ServiceAccount', name: 'endpointslice-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:endpointslicemirroring-controller', role: 'system:controller:endpointslicemirroring-controller', subjects: [{ kind: 'ServiceAccount', name: 'endpointslicemirroring-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:ephemeral-volume-controller', role: 'system:controller:ephemeral-volume-controller', subjects: [{ kind: 'ServiceAccount', name: 'ephemeral-volume-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:expand-controller', role: 'system:controller:expand-controller', subjects: [{ kind: 'ServiceAccount', name: 'expand-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:generic-garbage-collector', role: 'system:controller:generic-garbage-collector', subjects: [{ kind: 'ServiceAccount', name: 'generic-garbage-collector', namespace: 'kube-system' }] },
  { name: 'system:controller:horizontal-pod-autoscaler', role: 'system:controller:horizontal-pod-autoscaler', subjects: [{ kind: 'ServiceAccount', name: 'horizontal-pod-autoscaler', namespace: 'kube-system' }] },
  { name: 'system:controller:job-controller', role: 'system:controller:job-controller', subjects: [{ kind: 'ServiceAccount', name: 'job-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:legacy-service-account-token-cleaner', role: 'system:controller:legacy-service-account-token-cleaner', subjects: [{ kind: 'ServiceAccount', name: 'legacy-service-account-token-cleaner', namespace: 'kube-system' }] },
  { name: 'system:controller:namespace-controller', role: 'system:controller:namespace-controller', subjects: [{ kind: 'ServiceAccount', name: 'namespace-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:node-controller', role: 'system:controller:node-controller', subjects: [{ kind: 'ServiceAccount', name: 'node-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:persistent-volume-binder', role: 'system:controller:persistent-volume-binder', subjects: [{ kind: 'ServiceAccount', name: 'persistent-volume-binder', namespace: 'kube-system' }] },
  { name: 'system:controller:pod-garbage-collector', role: 'system:controller:pod-garbage-collector', subjects: [{ kind: 'ServiceAccount', name: 'pod-garbage-collector', namespace: 'kube-system' }] },
  { name: 'system:controller:pv-protection-controller', role: 'system:controller:pv-protection-controller', subjects: [{ kind: 'ServiceAccount', name: 'pv-protection-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:pvc-protection-controller', role: 'system:controller:pvc-protection-controller', subjects: [{ kind: 'ServiceAccount', name: 'pvc-protection-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:replicaset-controller', role: 'system:controller:replicaset-controller', subjects: [{ kind: 'ServiceAccount', name: 'replicaset-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:replication-controller', role: 'system:controller:replication-controller', subjects: [{ kind: 'ServiceAccount', name: 'replication-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:resource-claim-controller', role: 'system:controller:resource-claim-controller', subjects: [{ kind: 'ServiceAccount', name: 'resource-claim-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:resourcequota-controller', role: 'system:controller:resourcequota-controller', subjects: [{ kind: 'ServiceAccount', name: 'resourcequota-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:root-ca-cert-publisher', role: 'system:controller:root-ca-cert-publisher', subjects: [{ kind: 'ServiceAccount', name: 'root-ca-cert-publisher', namespace: 'kube-system' }] },
  { name: 'system:controller:route-controller', role: 'system:controller:route-controller', subjects: [{ kind: 'ServiceAccount', name: 'route-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:selinux-warning-controller', role: 'system:controller:selinux-warning-controller', subjects: [{ kind: 'ServiceAccount', name: 'selinux-warning-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:service-account-controller', role: 'system:controller:service-account-controller', subjects: [{ kind: 'ServiceAccount', name: 'service-account-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:service-cidrs-controller', role: 'system:controller:service-cidrs-controller', subjects: [{ kind: 'ServiceAccount', name: 'service-cidrs-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:service-controller', role: 'system:controller:service-controller', subjects: [{ kind: 'ServiceAccount', name: 'service-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:statefulset-controller', role: 'system:controller:statefulset-controller', subjects: [{ kind: 'ServiceAccount', name: 'statefulset-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:ttl-after-finished-controller', role: 'system:controller:ttl-after-finished-controller', subjects: [{ kind: 'ServiceAccount', name: 'ttl-after-finished-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:ttl-controller', role: 'system:controller:ttl-controller', subjects: [{ kind: 'ServiceAccount', name: 'ttl-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:validatingadmissionpolicy-status-controller', role: 'system:controller:validatingadmissionpolicy-status-controller', subjects: [{ kind: 'ServiceAccount', name: 'validatingadmissionpolicy-status-controller', namespace: 'kube-system' }] },
  { name: 'system:controller:volumeattributesclass-protection-controller', role: 'system:controller:volumeattributesclass-protection-controller', subjects: [{ kind: 'ServiceAccount', name: 'volumeattributesclass-protection-controller', namespace: 'kube-system' }] },
  { name: 'system:discovery', role: 'system:discovery', subjects: [{ kind: 'Group', name: 'system:authenticated' }] },
  { name: 'system:kube-controller-manager', role: 'system:kube-controller-manager', subjects: [{ kind: 'User', name: 'system:kube-controller-manager' }] },
  { name: 'system:kube-dns', role: 'system:kube-dns', subjects: [{ kind: 'ServiceAccount', name: 'kube-dns', namespace: 'kube-system' }] },
  { name: 'system:kube-scheduler', role: 'system:kube-scheduler', subjects: [{ kind: 'User', name: 'system:kube-scheduler' }] },
  { name: 'system:monitoring', role: 'system:monitoring', subjects: [{ kind: 'Group', name: 'system:monitoring' }] },
  { name: 'system:node', role: 'system:node', subjects: [] },
  { name: 'system:node-proxier', role: 'system:node-proxier', subjects: [{ kind: 'User', name: 'system:kube-proxy' }] },
  { name: 'system:public-info-viewer', role: 'system:public-info-viewer', subjects: [{ kind: 'Group', name: 'system:authenticated' }, { kind: 'Group', name: 'system:unauthenticated' }] },
  { name: 'system:service-account-issuer-discovery', role: 'system:service-account-issuer-discovery', subjects: [{ kind: 'Group', name: 'system:serviceaccounts' }] },
  { name: 'system:volume-scheduler', role: 'system:volume-scheduler', subjects: [{ kind: 'User', name: 'system:kube-scheduler' }] },
];

export const NAMESPACE_ROLES: readonly BootstrapRoleData[] = [
  { namespace: 'kube-public', name: 'system:controller:bootstrap-signer', rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['configmaps'] },
    { v: ['update'], g: [''], r: ['configmaps'], n: ['cluster-info'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
  { namespace: 'kube-system', name: 'extension-apiserver-authentication-reader', rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['configmaps'], n: ['extension-apiserver-authentication'] },
  ] },
  { namespace: 'kube-system', name: 'system::leader-locking-kube-controller-manager', rules: [
    { v: ['create', 'get', 'list', 'update', 'watch'], g: ['coordination.k8s.io'], r: ['leases'] },
    { v: ['create', 'get', 'list', 'update', 'watch'], g: ['coordination.k8s.io'], r: ['leasecandidates'] },
  ] },
  { namespace: 'kube-system', name: 'system::leader-locking-kube-scheduler', rules: [
    { v: ['create', 'get', 'list', 'update', 'watch'], g: ['coordination.k8s.io'], r: ['leases'] },
    { v: ['create', 'get', 'list', 'update', 'watch'], g: ['coordination.k8s.io'], r: ['leasecandidates'] },
  ] },
  { namespace: 'kube-system', name: 'system:controller:bootstrap-signer', rules: [
    { v: ['get', 'list', 'watch'], g: [''], r: ['secrets'] },
  ] },
  { namespace: 'kube-system', name: 'system:controller:cloud-provider', rules: [
    { v: ['create', 'get', 'list', 'watch'], g: [''], r: ['configmaps'] },
  ] },
  { namespace: 'kube-system', name: 'system:controller:token-cleaner', rules: [
    { v: ['delete', 'get', 'list', 'watch'], g: [''], r: ['secrets'] },
    { v: ['create', 'patch', 'update'], g: ['', 'events.k8s.io'], r: ['events'] },
  ] },
];

export const NAMESPACE_ROLE_BINDINGS: readonly BootstrapBindingData[] = [
  { namespace: 'kube-public', name: 'system:controller:bootstrap-signer', role: 'system:controller:bootstrap-signer', roleKind: 'Role', subjects: [{ kind: 'ServiceAccount', name: 'bootstrap-signer', namespace: 'kube-system' }] },
  { namespace: 'kube-system', name: 'system::extension-apiserver-authentication-reader', role: 'extension-apiserver-authentication-reader', roleKind: 'Role', subjects: [{ kind: 'User', name: 'system:kube-controller-manager' }, { kind: 'User', name: 'system:kube-scheduler' }] },
  { namespace: 'kube-system', name: 'system::leader-locking-kube-controller-manager', role: 'system::leader-locking-kube-controller-manager', roleKind: 'Role', subjects: [{ kind: 'User', name: 'system:kube-controller-manager' }, { kind: 'ServiceAccount', name: 'kube-controller-manager', namespace: 'kube-system' }, { kind: 'ServiceAccount', name: 'leader-election-controller', namespace: 'kube-system' }] },
  { namespace: 'kube-system', name: 'system::leader-locking-kube-scheduler', role: 'system::leader-locking-kube-scheduler', roleKind: 'Role', subjects: [{ kind: 'User', name: 'system:kube-scheduler' }, { kind: 'ServiceAccount', name: 'kube-scheduler', namespace: 'kube-system' }] },
  { namespace: 'kube-system', name: 'system:controller:bootstrap-signer', role: 'system:controller:bootstrap-signer', roleKind: 'Role', subjects: [{ kind: 'ServiceAccount', name: 'bootstrap-signer', namespace: 'kube-system' }] },
  { namespace: 'kube-system', name: 'system:controller:cloud-provider', role: 'system:controller:cloud-provider', roleKind: 'Role', subjects: [{ kind: 'ServiceAccount', name: 'cloud-provider', namespace: 'kube-system' }] },
  { namespace: 'kube-system', name: 'system:controller:token-cleaner', role: 'system:controller:token-cleaner', roleKind: 'Role', subjects: [{ kind: 'ServiceAccount', name: 'token-cleaner', namespace: 'kube-system' }] },
];
