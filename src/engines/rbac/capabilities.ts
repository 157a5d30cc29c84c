/**
 * What a set of effective rules lets its holder become: the Kubernetes "RBAC good practices"
 * privilege-escalation list, expressed as edges of the escalation graph. Every edge honours the
 * API server's own guards (e.g. writing a RoleBinding needs `bind` on the role, or the role's
 * permissions already, which gains nothing; create requests carry no name, so resourceNames-
 * restricted create grants are useless).
 *
 * Targets are node ids:
 *   subjects  `ServiceAccount:<ns>:<n>`, `User:<n>`, `Group:<n>`
 *   grants    `ClusterRole:<n>` (cluster-wide), `ClusterRole:<n>@<ns>`, `Role:<ns>:<n>`,
 *             `ClusterRole:*` / `ClusterRole:*@<ns>` (any role: every permission)
 *   hubs      `hub:<kind>@<ns|*>` fan out with zero-cost edges to the identities they expose
 *   impacts   `impact:<name>`
 */
import type { Severity } from '../../model/types.js';
import type { Binding } from './model.js';
import { RBAC_GROUP } from './model.js';
import { clusterWide, grantFor, grantsFor, unnamed } from './grants.js';
import type { Grant } from './grants.js';
import { isFullWildcard } from './rules.js';
import { PRIVILEGED_GROUP } from './subjects.js';
import type { PolicyRule, ScopedRule, Via } from './types.js';

export const IMPACTS = ['cluster-admin', 'node', 'admission', 'secrets', 'pod-security'] as const;
export type Impact = (typeof IMPACTS)[number];

export const IMPACT_SEVERITY: Readonly<Record<Impact, Severity>> = {
  'cluster-admin': 'critical',
  node: 'critical',
  admission: 'critical',
  secrets: 'high',
  'pod-security': 'high',
};

export interface Permission {
  verb: string;
  resource: string;
  apiGroup?: string;
  namespace?: string;
  name?: string;
}

export interface EdgeSpec {
  to: string;
  action: string;
  permission: Permission;
  grantedBy: Via;
  /** The rule that grants the permission (for remediation). */
  rule?: PolicyRule;
}

/** Halves of the capabilities that need two grants (see capabilityEdges). */
export const HALF = {
  bind: 1,
  writeBindings: 2,
  escalate: 4,
  updateRoles: 8,
  csrCreate: 16,
  csrApprove: 32,
  signer: 64,
  secretCreate: 128,
  secretRead: 256,
  namespaceWrite: 512,
  podCreate: 1024,
} as const;

const HALF_RULES: readonly [number, readonly string[], readonly string[]][] = [
  [HALF.bind, ['bind'], ['roles', 'clusterroles']],
  [HALF.writeBindings, ['create', 'update', 'patch'], ['rolebindings', 'clusterrolebindings']],
  [HALF.escalate, ['escalate'], ['roles', 'clusterroles']],
  [HALF.updateRoles, ['update', 'patch'], ['roles', 'clusterroles']],
  [HALF.csrCreate, ['create'], ['certificatesigningrequests']],
  [HALF.csrApprove, ['update', 'patch'], ['certificatesigningrequests/approval']],
  [HALF.signer, ['approve'], ['signers']],
  [HALF.secretCreate, ['create'], ['secrets']],
  [HALF.secretRead, ['get', 'list', 'watch'], ['secrets']],
  [HALF.namespaceWrite, ['patch', 'update'], ['namespaces']],
  [HALF.podCreate, ['create'], ['pods']],
];

/** Which two-grant capability halves a rule could provide (over-approximates: ignores groups and names). */
export function combiningHalves(rule: PolicyRule): number {
  let mask = 0;
  const anyVerb = rule.verbs.includes('*');
  const anyResource = rule.resources.some((r) => r === '*' || r.startsWith('*/'));
  for (const [bit, verbs, resources] of HALF_RULES) {
    if ((anyVerb || rule.verbs.some((v) => verbs.includes(v))) && (anyResource || rule.resources.some((r) => resources.includes(r)))) mask |= bit;
  }
  return mask;
}

const COMBINATIONS: readonly number[] = [
  HALF.bind | HALF.writeBindings,
  HALF.csrCreate | HALF.csrApprove | HALF.signer,
  HALF.secretCreate | HALF.secretRead,
  HALF.namespaceWrite | HALF.podCreate,
];
/** Both halves of the escalate capability (see escalateEdges). */
export const ESCALATE_HALVES = HALF.escalate | HALF.updateRoles;

/**
 * Given the halves each of a subject's bindings provides, could the subject hold a two-grant
 * capability that no single binding holds alone? Only then must its rules be analysed together.
 * (`escalate` also depends on the roles the subject is bound to: see escalateEdges.)
 */
export function needsJointAnalysis(halvesPerBinding: readonly number[]): boolean {
  let union = 0;
  for (const h of halvesPerBinding) union |= h;
  for (const c of COMBINATIONS) {
    if ((union & c) !== c) continue;
    let providers = 0;
    for (const h of halvesPerBinding) if (h & c) providers++;
    if (providers > 1) return true;
  }
  return false;
}

/**
 * `escalate` + update/patch on a role the identity is already bound to: it can write any rule into
 * that role, i.e. hold every permission in the binding's scope.
 */
export function escalateEdges(rules: readonly ScopedRule[], bindings: readonly Binding[]): EdgeSpec[] {
  const escCR = clusterWide(grantsFor(rules, { verbs: ['escalate'], apiGroup: RBAC_GROUP, resource: 'clusterroles' }));
  const escR = grantsFor(rules, { verbs: ['escalate'], apiGroup: RBAC_GROUP, resource: 'roles' });
  if (escCR.length === 0 && escR.length === 0) return [];
  const updCR = clusterWide(grantsFor(rules, { verbs: ['update', 'patch'], apiGroup: RBAC_GROUP, resource: 'clusterroles' }));
  const updR = grantsFor(rules, { verbs: ['update', 'patch'], apiGroup: RBAC_GROUP, resource: 'roles' });
  const out: EdgeSpec[] = [];
  for (const b of bindings) {
    const to = b.kind === 'ClusterRoleBinding' ? 'ClusterRole:*' : `ClusterRole:*@${b.namespace}`;
    const clusterRole = b.roleRef.kind === 'ClusterRole';
    const e = clusterRole ? grantFor(escCR, '', b.roleRef.name) : grantFor(escR, b.namespace, b.roleRef.name);
    const u = clusterRole ? grantFor(updCR, '', b.roleRef.name) : grantFor(updR, b.namespace, b.roleRef.name);
    if (!e || !u || (b.roleRef.kind !== 'Role' && !clusterRole)) continue;
    const permission: Permission = { verb: e.verb, resource: clusterRole ? 'clusterroles' : 'roles', apiGroup: RBAC_GROUP, name: b.roleRef.name };
    if (!clusterRole) permission.namespace = b.namespace;
    out.push({ to, action: `add any rule to ${b.roleRef.kind} ${b.roleRef.name}, which is bound to it (escalate)`, permission, grantedBy: e.via, rule: e.rule });
  }
  return out;
}

/** Every resource some capability below asks about. */
const RELEVANT_RESOURCES = new Set([
  'pods', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'replicationcontrollers',
  'secrets', 'serviceaccounts', 'serviceaccounts/token', 'pods/exec', 'pods/attach', 'pods/ephemeralcontainers',
  'users', 'groups', 'rolebindings', 'clusterrolebindings', 'roles', 'clusterroles',
  'certificatesigningrequests', 'certificatesigningrequests/approval', 'signers',
  'mutatingwebhookconfigurations', 'validatingwebhookconfigurations', 'nodes/proxy', 'persistentvolumes', 'namespaces',
]);

function isRelevant(rule: PolicyRule): boolean {
  return rule.resources.some((r) => r === '*' || r.startsWith('*/') || RELEVANT_RESOURCES.has(r));
}

/** Pod controllers whose creation runs pods as any service account of the namespace. */
const WORKLOAD_RESOURCES: readonly [string, string][] = [
  ['', 'pods'],
  ['apps', 'deployments'],
  ['apps', 'replicasets'],
  ['apps', 'statefulsets'],
  ['apps', 'daemonsets'],
  ['batch', 'jobs'],
  ['batch', 'cronjobs'],
  ['', 'replicationcontrollers'],
];

export interface CapabilityContext {
  namespaces: readonly string[];
  /** Service accounts whose legacy token Secret has this name, in `namespace` (or any, for `*`). */
  tokenSecretOwners(namespace: string, secret: string): readonly { namespace: string; serviceAccount: string }[];
  /** Namespaces (or all, for `*`) holding a service account with this name. */
  serviceAccountsNamed(namespace: string, name: string): string[];
  roleExists(roleId: string): boolean;
  /** Namespaces (within `namespace`, or all for `*`) holding a workload of this resource type and name. */
  namespacesWithWorkload(resource: string, namespace: string, name: string): string[];
  rolesInNamespace(namespace: string): string[];
}

function scopeOf(g: Grant): string {
  return g.namespace;
}

function perm(g: Grant, resource: string, apiGroup: string, namespace?: string, name?: string): Permission {
  const p: Permission = { verb: g.verb, resource, apiGroup };
  const ns = namespace ?? (g.namespace === '*' ? undefined : g.namespace);
  if (ns !== undefined) p.namespace = ns;
  if (name !== undefined) p.name = name;
  return p;
}

/** Edges out of an identity holding `rules` through `bindings` (bindings matter for `escalate`). */
export function capabilityEdges(allRules: readonly ScopedRule[], bindings: readonly Binding[], ctx: CapabilityContext, isPrivileged: boolean): EdgeSpec[] {
  const edges: EdgeSpec[] = [];
  // Most rules (read access to ordinary resources) open nothing: drop them before the ~40 queries.
  const rules = allRules.filter((sr) => isRelevant(sr.rule));
  if (rules.length === 0 && !isPrivileged) return edges;
  const seen = new Set<string>();
  const add = (e: EdgeSpec): void => {
    if (seen.has(e.to)) return; // first (most direct) way to each target is enough for shortest paths
    seen.add(e.to);
    edges.push(e);
  };
  // Fast path: most queries ask about a resource no rule mentions.
  const mentioned = new Set<string>();
  let wildcard = false;
  for (const sr of rules) for (const r of sr.rule.resources) {
    if (r === '*' || r.startsWith('*/')) wildcard = true;
    else mentioned.add(r);
  }
  const q = (verbs: string[], apiGroup: string, resource: string, subresource?: string): Grant[] => {
    if (!wildcard && !mentioned.has(subresource === undefined ? resource : `${resource}/${subresource}`)) return [];
    return grantsFor(rules, subresource === undefined ? { verbs, apiGroup, resource } : { verbs, apiGroup, resource, subresource });
  };
  // Checks the target before building the edge: identities with broad grants produce many candidates.
  const addG = (to: string, action: string, g: Grant, permission: () => Permission): void => {
    if (seen.has(to)) return;
    seen.add(to);
    edges.push({ to, action, permission: permission(), grantedBy: g.via, rule: g.rule });
  };

  if (isPrivileged) {
    add({ to: 'impact:cluster-admin', action: `member of ${PRIVILEGED_GROUP}, which bypasses RBAC`, permission: { verb: '*', resource: '*', apiGroup: '*' }, grantedBy: { binding: '(authentication)', role: '(none)' } });
  }
  for (const sr of rules) {
    if (sr.namespace === '*' && isFullWildcard(sr.rule)) {
      add({ to: 'impact:cluster-admin', action: 'holds every permission cluster-wide', permission: { verb: '*', resource: '*', apiGroup: '*' }, grantedBy: sr.via, rule: sr.rule });
      break;
    }
  }

  // Pod creation (directly or through a controller) runs as any service account of the namespace.
  for (const [group, resource] of WORKLOAD_RESOURCES) {
    for (const g of unnamed(q(['create'], group, resource))) {
      addG(`hub:pods@${scopeOf(g)}`, `create ${resource} that run as any service account of the namespace (and mount its secrets)`, g, () => perm(g, resource, group));
    }
    if (resource === 'pods') continue; // a pod's serviceAccountName is immutable
    for (const g of q(['update', 'patch'], group, resource)) {
      if (g.names === 'all') {
        addG(`hub:pods@${scopeOf(g)}`, `change the pod template of existing ${resource} to run as any service account`, g, () => perm(g, resource, group));
        continue;
      }
      // Named grants work on workloads that exist: any of them can be switched to another account.
      for (const name of g.names) {
        for (const ns of ctx.namespacesWithWorkload(resource, g.namespace, name)) {
          addG(`hub:pods@${ns}`, `change the pod template of ${resource} ${name} to run as any service account`, g, () => perm(g, resource, group, ns, name));
        }
      }
    }
  }

  // Reading secrets: every secret, including legacy service-account tokens.
  for (const g of q(['list', 'watch', 'get'], '', 'secrets')) {
    if (g.names === 'all') {
      addG(`hub:secrets@${scopeOf(g)}`, `${g.verb} secrets (and the service-account tokens stored in them)`, g, () => perm(g, 'secrets', ''));
    } else if (g.verb === 'get') {
      for (const name of g.names) {
        for (const owner of ctx.tokenSecretOwners(g.namespace, name)) addG(owner.serviceAccount, `read the token Secret ${name}`, g, () => perm(g, 'secrets', '', owner.namespace, name));
      }
      addG('impact:secrets', `get named secrets (${g.names.join(', ')})`, g, () => perm(g, 'secrets', ''));
    }
  }

  // TokenRequest: mint a token for a service account.
  for (const g of q(['create'], '', 'serviceaccounts', 'token')) {
    if (g.names === 'all') {
      addG(`hub:tokens@${scopeOf(g)}`, 'request a token for any service account of the namespace', g, () => perm(g, 'serviceaccounts/token', ''));
    } else {
      for (const name of g.names) for (const sa of ctx.serviceAccountsNamed(g.namespace, name)) addG(sa, `request a token for service account ${name}`, g, () => perm(g, 'serviceaccounts/token', '', sa.split(':')[1], name));
    }
  }

  // Legacy token Secrets: create one annotated for any account, then read the token the controller fills in.
  const readSecrets = q(['get', 'list', 'watch'], '', 'secrets').filter((x) => x.names === 'all');
  for (const g of unnamed(q(['create'], '', 'secrets'))) {
    const namespaces = g.namespace === '*' ? ctx.namespaces : [g.namespace];
    for (const ns of namespaces) {
      if (!grantFor(readSecrets, ns)) continue;
      addG(`hub:tokens@${ns}`, 'create a service-account-token Secret for any account and read the token', g, () => perm(g, 'secrets', '', ns));
    }
  }

  // exec / attach / ephemeral containers: act as the identity of running pods. Since v1.35 the
  // API server also requires `create` for WebSocket (GET) connections
  // (AuthorizePodWebsocketUpgradeCreatePermission, on by default), so `get` alone is not enough.
  const podAccess: [string[], string][] = [
    [['create'], 'exec'],
    [['create'], 'attach'],
    [['update', 'patch'], 'ephemeralcontainers'],
  ];
  for (const [verbs, sub] of podAccess) {
    for (const g of q(verbs, '', 'pods', sub).filter((x) => x.names === 'all')) {
      addG(`hub:running@${scopeOf(g)}`, `use pods/${sub} to act as the service accounts of running pods`, g, () => perm(g, `pods/${sub}`, ''));
    }
  }

  // Impersonation.
  for (const g of clusterWide(q(['impersonate'], '', 'users'))) {
    if (g.names === 'all') addG('hub:users@*', 'impersonate any user', g, () => perm(g, 'users', ''));
    else for (const n of g.names) addG(`User:${n}`, `impersonate user ${n}`, g, () => perm(g, 'users', '', undefined, n));
  }
  for (const g of clusterWide(q(['impersonate'], '', 'groups'))) {
    if (g.names === 'all' || g.names.includes(PRIVILEGED_GROUP)) addG(`Group:${PRIVILEGED_GROUP}`, `impersonate group ${PRIVILEGED_GROUP}`, g, () => perm(g, 'groups', '', undefined, PRIVILEGED_GROUP));
    if (g.names !== 'all') for (const n of g.names) addG(`Group:${n}`, `impersonate group ${n}`, g, () => perm(g, 'groups', '', undefined, n));
  }
  for (const g of q(['impersonate'], '', 'serviceaccounts')) {
    if (g.names === 'all') addG(`hub:tokens@${scopeOf(g)}`, 'impersonate any service account of the namespace', g, () => perm(g, 'serviceaccounts', ''));
    else for (const n of g.names) for (const sa of ctx.serviceAccountsNamed(g.namespace, n)) addG(sa, `impersonate service account ${n}`, g, () => perm(g, 'serviceaccounts', '', sa.split(':')[1], n));
  }

  // Binding roles: needs write access to bindings AND `bind` on the role (the API server's
  // escalation check); without `bind` one can only grant what one already holds.
  const bindCR = q(['bind'], RBAC_GROUP, 'clusterroles');
  const bindR = q(['bind'], RBAC_GROUP, 'roles');
  if (bindCR.length || bindR.length) {
    const writeRB = [...unnamed(q(['create'], RBAC_GROUP, 'rolebindings')), ...q(['update', 'patch'], RBAC_GROUP, 'rolebindings').filter((x) => x.names === 'all')];
    // Bindings may be written in every namespace: fan out through shared hubs instead of
    // materialising one edge per namespace and role for every such identity.
    const everywhere = writeRB.find((g) => g.namespace === '*');
    const anyCR = clusterWide(bindCR).find((g) => g.names === 'all');
    const anyRole = clusterWide(bindR).find((g) => g.names === 'all');
    if (everywhere && anyCR) addG('hub:anyrole@*', 'create a RoleBinding to any ClusterRole in any namespace (bind)', anyCR, () => perm(anyCR, 'clusterroles', RBAC_GROUP));
    if (everywhere && anyRole) addG('hub:roles@*', 'create a RoleBinding to any Role in any namespace (bind)', anyRole, () => perm(anyRole, 'roles', RBAC_GROUP));
    const rbNamespaces = everywhere ? ctx.namespaces : [...new Set(writeRB.map((g) => g.namespace))];
    for (const ns of rbNamespaces) {
      for (const g of bindCR) {
        if (g.namespace !== '*' && g.namespace !== ns) continue;
        if (g.names === 'all') {
          if (!(everywhere && g === anyCR)) addG(`ClusterRole:*@${ns}`, 'create a RoleBinding to any ClusterRole (bind)', g, () => perm(g, 'clusterroles', RBAC_GROUP, ns));
        } else {
          for (const name of g.names) {
            if (ctx.roleExists(`ClusterRole/${name}`)) addG(`ClusterRole:${name}@${ns}`, `create a RoleBinding to ClusterRole ${name} (bind)`, g, () => perm(g, 'clusterroles', RBAC_GROUP, ns, name));
          }
        }
      }
      for (const g of bindR) {
        if (g.namespace !== '*' && g.namespace !== ns) continue;
        if (g.names === 'all') {
          if (!(everywhere && g === anyRole)) addG(`hub:roles@${ns}`, 'create a RoleBinding to any Role of the namespace (bind)', g, () => perm(g, 'roles', RBAC_GROUP, ns));
        } else {
          for (const name of g.names) {
            if (ctx.roleExists(`Role/${ns}/${name}`)) addG(`Role:${ns}:${name}`, `create a RoleBinding to Role ${name} (bind)`, g, () => perm(g, 'roles', RBAC_GROUP, ns, name));
          }
        }
      }
    }
    const writeCRB = [...clusterWide(unnamed(q(['create'], RBAC_GROUP, 'clusterrolebindings'))), ...clusterWide(q(['update', 'patch'], RBAC_GROUP, 'clusterrolebindings')).filter((x) => x.names === 'all')];
    if (writeCRB.length) {
      for (const g of clusterWide(bindCR)) {
        if (g.names === 'all') addG('ClusterRole:*', 'create a ClusterRoleBinding to any ClusterRole (bind)', g, () => perm(g, 'clusterroles', RBAC_GROUP));
        else for (const name of g.names) if (ctx.roleExists(`ClusterRole/${name}`)) addG(`ClusterRole:${name}`, `create a ClusterRoleBinding to ClusterRole ${name} (bind)`, g, () => perm(g, 'clusterroles', RBAC_GROUP, undefined, name));
      }
    }
  }

  for (const e of escalateEdges(rules, bindings)) add(e);

  // CSR create + approve for the kube-apiserver-client signer: a client certificate for any identity.
  const csrCreate = clusterWide(unnamed(q(['create'], 'certificates.k8s.io', 'certificatesigningrequests')));
  const csrApprove = clusterWide(q(['update', 'patch'], 'certificates.k8s.io', 'certificatesigningrequests', 'approval'));
  const signer = clusterWide(q(['approve'], 'certificates.k8s.io', 'signers')).find(
    (g) => g.names === 'all' || g.names.includes('kubernetes.io/kube-apiserver-client') || g.names.includes('kubernetes.io/*'),
  );
  if (csrCreate.length && csrApprove.length && signer) {
    addG(`Group:${PRIVILEGED_GROUP}`, `create and approve a client CSR for an identity in ${PRIVILEGED_GROUP}`, signer, () => perm(signer, 'signers', 'certificates.k8s.io', undefined, 'kubernetes.io/kube-apiserver-client'));
  }

  // Admission webhooks see (and mutating ones rewrite) every admitted object.
  for (const resource of ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations']) {
    for (const g of clusterWide(q(['create', 'update', 'patch'], 'admissionregistration.k8s.io', resource))) {
      if (g.verb === 'create' && g.names !== 'all') continue;
      addG('impact:admission', `${g.verb} ${resource} to intercept every admitted object`, g, () => perm(g, resource, 'admissionregistration.k8s.io'));
    }
  }

  // nodes/proxy: the kubelet API (exec into every pod of the node); get is enough.
  for (const g of clusterWide(q(['get', 'create'], '', 'nodes', 'proxy'))) {
    addG('impact:node', `${g.verb} nodes/proxy: kubelet API access to every pod on the node`, g, () => perm(g, 'nodes/proxy', ''));
  }

  // hostPath PersistentVolumes mount the node's filesystem.
  for (const g of clusterWide(unnamed(q(['create'], '', 'persistentvolumes')))) {
    addG('impact:node', 'create a hostPath PersistentVolume', g, () => perm(g, 'persistentvolumes', ''));
  }

  // Namespace labels: weaken Pod Security admission, then run a privileged pod.
  const nsWrite = clusterWide(q(['patch', 'update'], '', 'namespaces'));
  if (nsWrite.length) {
    const first = nsWrite[0] as Grant;
    addG('impact:pod-security', 'relabel namespaces to weaken Pod Security admission', first, () => perm(first, 'namespaces', ''));
    const createPods = unnamed(q(['create'], '', 'pods'));
    if (createPods.length) {
      const namespaces = createPods.some((g) => g.namespace === '*') ? ctx.namespaces : createPods.map((g) => g.namespace);
      for (const ns of namespaces) {
        const w = grantFor(nsWrite, '', ns);
        if (w) {
          addG('impact:node', `set namespace ${ns} to privileged and create a privileged pod`, w, () => perm(w, 'namespaces', '', undefined, ns));
          break;
        }
      }
    }
  }
  return edges;
}
