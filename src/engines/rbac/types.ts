/** Types of the RBAC engine. Subjects are written `User:<name>`, `Group:<name>`, `ServiceAccount:<ns>:<name>`. */

/** A normalised rbac.authorization.k8s.io/v1 PolicyRule: every list present (possibly empty). */
export interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** A resource request, as the API server's request-info filter would produce it. */
export interface ResourceAttributes {
  verb: string;
  /** Plural resource name, e.g. `pods`. */
  resource: string;
  subresource?: string;
  /** `''` for the core group. */
  apiGroup: string;
  /** Absent or `''` for cluster-scoped requests (and cluster-wide list/watch). */
  namespace?: string;
  /** Absent for create, list without a name field selector and deletecollection. */
  name?: string;
}

export interface NonResourceAttributes {
  verb: string;
  nonResourceURL: string;
}

export type Attributes = ResourceAttributes | NonResourceAttributes;

export function isNonResource(attrs: Attributes): attrs is NonResourceAttributes {
  return typeof (attrs as NonResourceAttributes).nonResourceURL === 'string';
}

/** What the authenticator hands to the authorizer (SubjectAccessReview `spec.user` + `spec.groups`). */
export interface UserInfo {
  name: string;
  groups: readonly string[];
}

/** A binding and the role it references, written `RoleBinding/<ns>/<name>` / `ClusterRole/<name>` etc. */
export interface Via {
  binding: string;
  role: string;
  /** Set when the grant reaches the subject through a group it belongs to. */
  group?: string;
  /** Set when the binding is not in the input but part of Kubernetes' bootstrap policy. */
  bindingSource?: 'bootstrap';
  /** Set when the role is not in the input but part of Kubernetes' bootstrap policy. */
  roleSource?: 'bootstrap';
}

export interface Decision {
  allowed: boolean;
  /** Human-readable, in the spirit of the API server's `RBAC: allowed by ...`. */
  reason: string;
  /** Every binding/role pair that allows the request (empty when denied). */
  via: Via[];
  /** Bindings that apply to the subject but could not be resolved (missing role, bad roleRef). */
  problems: RbacProblem[];
}

export type RbacProblemCode =
  | 'missing-role'
  | 'invalid-role-ref'
  | 'cluster-binding-sa-without-namespace'
  | 'invalid-aggregation-selector'
  | 'aggregation-not-converged'
  | 'invalid-rule'
  | 'duplicate-object';

/** An RBAC object the API server would not honour as written: reported, never fatal. */
export interface RbacProblem {
  code: RbacProblemCode;
  /** `Kind/ns/name` of the object concerned. */
  object: string;
  message: string;
}

/** `''` is cluster-wide (ClusterRoleBinding); otherwise the namespace of a RoleBinding. */
export type Scope = string;

/** One effective rule with where it comes from. */
export interface ScopedRule {
  /** `*` for cluster-wide (all namespaces and cluster-scoped resources), else a namespace. */
  namespace: string;
  rule: PolicyRule;
  via: Via;
}
