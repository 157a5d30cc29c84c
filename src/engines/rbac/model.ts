/**
 * Reads RBAC objects (and the service accounts and workloads the escalation graph needs) from
 * loaded input into a normalised, indexed model. Untrusted input: nothing is assumed about shape.
 */
import type { LabelSelector } from '../../model/inventory.js';
import type { K8sObject } from '../../model/types.js';
import { podTemplateOf } from '../../model/workloads.js';
import { aggregateClusterRoles } from './aggregation.js';
import type { ClusterRoleInput } from './aggregation.js';
import { bootstrapObjects, objectKey } from './bootstrap.js';
import type { RbacSource } from './bootstrap.js';
import { normalizeRule } from './rules.js';
import type { PolicyRule, RbacProblem, Via } from './types.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

export interface BindingSubject {
  kind: string;
  name: string;
  /** For ServiceAccount subjects: explicit namespace, or the RoleBinding's when omitted. */
  namespace?: string;
}

export interface Binding {
  /** `RoleBinding/<ns>/<name>` or `ClusterRoleBinding/<name>`. */
  id: string;
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name: string;
  /** `''` for ClusterRoleBindings. */
  namespace: string;
  roleRef: { kind: string; name: string; apiGroup: string };
  /** `Role/<ns>/<name>` or `ClusterRole/<name>` (what the roleRef resolves to). */
  roleId: string;
  subjects: BindingSubject[];
  /** Resolved rules; undefined when the role is missing or the roleRef invalid. */
  rules: PolicyRule[] | undefined;
  /** Index in the input, so findings can point back at the object; -1 for bootstrap bindings. */
  objectIndex: number;
  /** `bootstrap`: not in the input, taken from Kubernetes' bootstrap policy (see bootstrap.ts). */
  source: RbacSource;
  /** Set when the referenced role comes from the bootstrap policy. */
  roleSource?: 'bootstrap';
}

export interface ModelOptions {
  /**
   * Add Kubernetes' bootstrap ClusterRoles/ClusterRoleBindings (and kube-system Roles/RoleBindings)
   * that the input does not define itself, as every cluster has them. Default true.
   */
  bootstrap?: boolean;
}

export interface ServiceAccountInfo {
  namespace: string;
  name: string;
  /** Names of legacy token Secrets for this account found in the input. */
  tokenSecrets: string[];
}

export interface WorkloadIdentity {
  /** `Kind/ns/name` of the workload. */
  workload: string;
  namespace: string;
  serviceAccount: string;
  /** False when the pod spec opts out of mounting the token. */
  automountToken: boolean;
}

export interface RbacModel {
  bindings: Binding[];
  /** Role rules by `Role/<ns>/<name>` and `ClusterRole/<name>` (aggregation applied). */
  roles: Map<string, PolicyRule[]>;
  serviceAccounts: Map<string, ServiceAccountInfo>;
  workloads: WorkloadIdentity[];
  /** Namespace name -> labels (only Namespaces present in the input). */
  namespaceLabels: Map<string, Record<string, string>>;
  /** Role ids (`ClusterRole/<name>`, `Role/<ns>/<name>`) taken from the bootstrap policy. */
  bootstrapRoles: Set<string>;
  problems: RbacProblem[];
}

/** Provenance of a grant through a binding (and the group it applies through, if any). */
export function viaOf(binding: Binding, group?: string): Via {
  const via: Via = { binding: binding.id, role: binding.roleId };
  if (group !== undefined) via.group = group;
  if (binding.source === 'bootstrap') via.bindingSource = 'bootstrap';
  if (binding.roleSource === 'bootstrap') via.roleSource = 'bootstrap';
  return via;
}

const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/** Input objects followed by the bootstrap objects the input does not define (the input wins). */
function withBootstrap(objects: readonly K8sObject[]): { all: readonly K8sObject[]; inputCount: number } {
  const defined = new Set<string>();
  for (const obj of objects) {
    if (!RBAC_KINDS.has(obj.kind) || !(obj.apiVersion ?? '').startsWith(`${RBAC_GROUP}/`)) continue;
    const namespaced = obj.kind === 'Role' || obj.kind === 'RoleBinding';
    defined.add(objectKey(obj.kind, namespaced ? str(obj.metadata?.namespace) : '', str(obj.metadata?.name)));
  }
  const extra = bootstrapObjects().filter((o) => !defined.has(objectKey(o.kind, str(o.metadata?.namespace), str(o.metadata?.name))));
  return { all: extra.length ? [...objects, ...extra] : objects, inputCount: objects.length };
}

function rec(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function saKey(namespace: string, name: string): string {
  return `${namespace}:${name}`;
}

function rulesOf(obj: K8sObject): PolicyRule[] {
  const raw = obj['rules'];
  return Array.isArray(raw) ? raw.map(normalizeRule) : [];
}

function isRbacKind(obj: K8sObject, kind: string): boolean {
  return obj.kind === kind && (obj.apiVersion ?? '').startsWith(`${RBAC_GROUP}/`);
}

export function buildModel(input: readonly K8sObject[], options: ModelOptions = {}): RbacModel {
  const { all: objects, inputCount } = options.bootstrap === false ? { all: input, inputCount: input.length } : withBootstrap(input);
  const isBootstrap = (index: number): boolean => index >= inputCount;
  const bootstrapRoles = new Set<string>();
  const problems: RbacProblem[] = [];
  const roles = new Map<string, PolicyRule[]>();
  const clusterRoles: ClusterRoleInput[] = [];
  const serviceAccounts = new Map<string, ServiceAccountInfo>();
  const workloads: WorkloadIdentity[] = [];
  const namespaceLabels = new Map<string, Record<string, string>>();
  const pendingBindings: { obj: K8sObject; index: number }[] = [];
  const ensureSA = (namespace: string, name: string): ServiceAccountInfo => {
    const key = saKey(namespace, name);
    let sa = serviceAccounts.get(key);
    if (!sa) serviceAccounts.set(key, (sa = { namespace, name, tokenSecrets: [] }));
    return sa;
  };

  objects.forEach((obj, index) => {
    const name = str(obj.metadata?.name);
    const ns = str(obj.metadata?.namespace);
    if (isRbacKind(obj, 'Role')) {
      if (!ns || !name) return;
      const id = `Role/${ns}/${name}`;
      if (roles.has(id)) problems.push({ code: 'duplicate-object', object: id, message: 'defined more than once; the last definition is used' });
      roles.set(id, rulesOf(obj));
      if (isBootstrap(index)) bootstrapRoles.add(id);
    } else if (isRbacKind(obj, 'ClusterRole')) {
      if (!name) return;
      const agg = rec(obj['aggregationRule']);
      const input: ClusterRoleInput = { name, labels: { ...(obj.metadata?.labels ?? {}) }, rules: rulesOf(obj) };
      if (obj['aggregationRule'] !== undefined && obj['aggregationRule'] !== null) {
        const sels = Array.isArray(agg['clusterRoleSelectors']) ? agg['clusterRoleSelectors'] : [];
        // A null selector selects nothing; model it as one no label can satisfy.
        input.selectors = sels.map((s): LabelSelector =>
          s !== null && typeof s === 'object' ? (s as LabelSelector) : { matchExpressions: [{ key: 'rampart.invalid/none', operator: 'Exists' }, { key: 'rampart.invalid/none', operator: 'DoesNotExist' }] },
        );
      }
      const dup = clusterRoles.findIndex((c) => c.name === name);
      if (dup >= 0) {
        problems.push({ code: 'duplicate-object', object: `ClusterRole/${name}`, message: 'defined more than once; the last definition is used' });
        clusterRoles.splice(dup, 1);
      }
      clusterRoles.push(input);
      if (isBootstrap(index)) bootstrapRoles.add(`ClusterRole/${name}`);
    } else if (isRbacKind(obj, 'RoleBinding') || isRbacKind(obj, 'ClusterRoleBinding')) {
      pendingBindings.push({ obj, index });
    } else if (obj.kind === 'ServiceAccount' && obj.apiVersion === 'v1') {
      if (ns && name) ensureSA(ns, name);
    } else if (obj.kind === 'Secret' && obj.apiVersion === 'v1') {
      const saName = obj.metadata?.annotations?.['kubernetes.io/service-account.name'];
      if (ns && name && obj['type'] === 'kubernetes.io/service-account-token' && typeof saName === 'string' && saName) {
        ensureSA(ns, saName).tokenSecrets.push(name);
      }
    } else if (obj.kind === 'Namespace' && obj.apiVersion === 'v1') {
      if (name) namespaceLabels.set(name, { ...(obj.metadata?.labels ?? {}) });
    } else {
      const view = podTemplateOf(obj);
      if (view && ns) {
        const sa = str(view.spec.serviceAccountName) || str(view.spec.serviceAccount) || 'default';
        ensureSA(ns, sa);
        workloads.push({ workload: `${obj.kind}/${ns}/${name}`, namespace: ns, serviceAccount: sa, automountToken: view.spec.automountServiceAccountToken !== false });
      }
    }
  });

  const aggregated = aggregateClusterRoles(clusterRoles, problems);
  for (const [name, rules] of aggregated) roles.set(`ClusterRole/${name}`, rules);

  const bindings: Binding[] = [];
  for (const { obj, index } of pendingBindings) {
    const name = str(obj.metadata?.name);
    const isCluster = obj.kind === 'ClusterRoleBinding';
    const namespace = isCluster ? '' : str(obj.metadata?.namespace);
    if (!name || (!isCluster && !namespace)) continue;
    const id = isCluster ? `ClusterRoleBinding/${name}` : `RoleBinding/${namespace}/${name}`;
    const ref = rec(obj['roleRef']);
    const roleRef = { kind: str(ref['kind']), name: str(ref['name']), apiGroup: str(ref['apiGroup']) };
    const roleId = roleRef.kind === 'Role' ? `Role/${namespace}/${roleRef.name}` : `${roleRef.kind}/${roleRef.name}`;
    const subjects: BindingSubject[] = [];
    for (const raw of Array.isArray(obj['subjects']) ? obj['subjects'] : []) {
      const s = rec(raw);
      const sub: BindingSubject = { kind: str(s['kind']), name: str(s['name']) };
      if (str(s['namespace'])) sub.namespace = str(s['namespace']);
      if (sub.kind === 'ServiceAccount' && !sub.namespace && isCluster) {
        problems.push({ code: 'cluster-binding-sa-without-namespace', object: id, message: `ServiceAccount subject "${sub.name}" has no namespace; a ClusterRoleBinding cannot default it, so it matches nobody` });
      }
      subjects.push(sub);
    }
    let rules: PolicyRule[] | undefined;
    if (roleRef.apiGroup !== RBAC_GROUP || (roleRef.kind !== 'Role' && roleRef.kind !== 'ClusterRole') || (isCluster && roleRef.kind === 'Role')) {
      problems.push({ code: 'invalid-role-ref', object: id, message: `roleRef ${roleRef.apiGroup}/${roleRef.kind} "${roleRef.name}" is not valid for a ${obj.kind}; it grants nothing` });
    } else {
      rules = roles.get(roleId);
      if (!rules) problems.push({ code: 'missing-role', object: id, message: `references ${roleId}, which is not in the input${options.bootstrap === false ? '' : ' nor in the bootstrap policy'}; the binding grants nothing` });
    }
    const binding: Binding = { id, kind: isCluster ? 'ClusterRoleBinding' : 'RoleBinding', name, namespace, roleRef, roleId, subjects, rules, objectIndex: isBootstrap(index) ? -1 : index, source: isBootstrap(index) ? 'bootstrap' : 'input' };
    if (rules && bootstrapRoles.has(roleId)) binding.roleSource = 'bootstrap';
    bindings.push(binding);
  }
  return { bindings, roles, serviceAccounts, workloads, namespaceLabels, bootstrapRoles, problems };
}
