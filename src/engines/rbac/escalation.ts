/**
 * The escalation graph: identities, what their permissions let them become, and the shortest
 * path from every subject to every impact.
 *
 * Nodes are subjects, "grants" (holding a role in a scope, reached through `bind`/`escalate`),
 * fan-out hubs and impacts. An edge costs one step when it uses a permission; hub fan-out edges
 * cost nothing (creating a pod in a namespace *is* becoming any of its service accounts). Shortest
 * paths come from one reverse 0-1 BFS per impact, so the whole analysis is linear in the graph.
 */
import type { Severity } from '../../model/types.js';
import type { AppliedBinding, Authorizer } from './authorizer.js';
import { bindingSubjectString } from './authorizer.js';
import { capabilityEdges, combiningHalves, ESCALATE_HALVES, escalateEdges, IMPACTS, IMPACT_SEVERITY, needsJointAnalysis } from './capabilities.js';
import type { CapabilityContext, EdgeSpec, Impact, Permission } from './capabilities.js';
import { viaOf } from './model.js';
import type { Binding } from './model.js';
import { describeRule, ruleKey } from './rules.js';
import { PRIVILEGED_GROUP, parseSubject, userInfoOf } from './subjects.js';
import type { PolicyRule, ScopedRule, UserInfo, Via } from './types.js';

export type { Impact, Permission } from './capabilities.js';
export { IMPACTS, IMPACT_SEVERITY } from './capabilities.js';

export interface EscalationStep {
  subject: string;
  action: string;
  permission: Permission;
  /** `bindingSource`/`roleSource` are `bootstrap` when taken from Kubernetes' bootstrap policy. */
  grantedBy: { binding: string; role: string; bindingSource?: 'bootstrap'; roleSource?: 'bootstrap' };
  becomes: string;
}

export interface EscalationOptions {
  /**
   * Also report paths starting from the platform's own identities: subjects named only by
   * bootstrap bindings (system:masters, system:kube-controller-manager, the kube-system controller
   * service accounts, ...). Default false: those paths exist in every cluster by design.
   */
  includeSystem?: boolean;
}

export interface Remediation {
  /** `remove-subject`: take the subject out of the binding; `remove-rule`: drop the rule from the role. */
  kind: 'remove-subject' | 'remove-rule';
  binding: string;
  role: string;
  subject?: string;
  rule?: string;
  description: string;
}

export interface EscalationPath {
  from: string;
  impact: Impact;
  severity: Severity;
  steps: EscalationStep[];
  remediation: Remediation;
}

export interface GraphEdge {
  from: string;
  to: string;
  action: string;
  permission: Permission;
  grantedBy: Via;
}

export interface EscalationAnalysis {
  paths: EscalationPath[];
  /** Every one-step edge of the graph (hub fan-out folded in), for dot/mermaid rendering. */
  edges(): GraphEdge[];
  stats: { nodes: number; edges: number; sources: number };
}

/** Edges shared by every binding of a role in a scope, with the provenance of one binding. */
interface EdgeGroup {
  edges: readonly EdgeSpec[];
  /** Overrides `grantedBy` of the edges (which then hold a template placeholder). */
  via?: Via;
}

interface Edge {
  to: number;
  weight: 0 | 1;
  spec?: EdgeSpec;
  /** Provenance when the spec is shared (see EdgeGroup). */
  via?: Via;
  /** For zero-cost hub edges: the namespace they fan into. */
  namespace?: string;
}

const WORKLOAD_RESOURCE_OF_KIND: Readonly<Record<string, string>> = {
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  Job: 'jobs',
  CronJob: 'cronjobs',
  ReplicationController: 'replicationcontrollers',
};

const TEMPLATE = '(template)';
const NEW_BINDING = '(binding the subject can create)';

class Graph {
  readonly ids: string[] = [];
  readonly index = new Map<string, number>();
  readonly out: Edge[][] = [];
  private readonly pending: number[] = [];

  node(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(id);
      this.index.set(id, i);
      this.out.push([]);
      this.pending.push(i);
    }
    return i;
  }

  next(): number | undefined {
    return this.pending.pop();
  }
}

/** Edges of several grants, first edge per target kept (enough for shortest paths). */
function unionEdges(lists: readonly EdgeSpec[][]): EdgeSpec[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  const seen = new Set<string>();
  const out: EdgeSpec[] = [];
  for (const list of nonEmpty) for (const e of list) {
    if (seen.has(e.to)) continue;
    seen.add(e.to);
    out.push(e);
  }
  return out;
}

const ruleKeys = new WeakMap<PolicyRule, string>();
function cachedRuleKey(rule: PolicyRule): string {
  let key = ruleKeys.get(rule);
  if (key === undefined) ruleKeys.set(rule, (key = ruleKey(rule)));
  return key;
}

/** Append to a list-valued map entry (avoids quadratic copies). */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Subjects of an input binding, and those named only by bootstrap bindings (the platform's own). */
export function platformSubjects(bindings: readonly Binding[]): Set<string> {
  const fromInput = new Set<string>();
  const fromBootstrap = new Set<string>();
  for (const b of bindings) for (const s of b.subjects) {
    const id = bindingSubjectString(b, s);
    if (id) (b.source === 'bootstrap' ? fromBootstrap : fromInput).add(id);
  }
  for (const id of fromInput) fromBootstrap.delete(id);
  return fromBootstrap;
}

export function analyzeEscalations(authz: Authorizer, options: EscalationOptions = {}): EscalationAnalysis {
  const model = authz.model;
  const userGroups = authz.userGroups;

  // Namespaces and the identities that live in them.
  // `default` and `kube-system` exist in every cluster, whether or not the input lists them.
  const nsSet = new Set<string>(['default', 'kube-system']);
  for (const sa of model.serviceAccounts.values()) nsSet.add(sa.namespace);
  for (const b of model.bindings) if (b.namespace) nsSet.add(b.namespace);
  for (const ns of model.namespaceLabels.keys()) nsSet.add(ns);
  const namespaces = [...nsSet].sort(compareStrings);
  const saByNs = new Map<string, Set<string>>();
  const addSA = (ns: string, name: string): void => {
    let set = saByNs.get(ns);
    if (!set) saByNs.set(ns, (set = new Set()));
    set.add(`ServiceAccount:${ns}:${name}`);
  };
  for (const sa of model.serviceAccounts.values()) addSA(sa.namespace, sa.name);
  // Service accounts named by bootstrap bindings (kube-system controllers) exist wherever
  // kube-controller-manager runs with --use-service-account-credentials (kubeadm and most distributions).
  for (const b of model.bindings) {
    if (b.source !== 'bootstrap') continue;
    for (const s of b.subjects) if (s.kind === 'ServiceAccount' && s.namespace && s.name) addSA(s.namespace, s.name);
  }
  // Every namespace has a `default` service account, whether or not the input lists it.
  for (const ns of namespaces) addSA(ns, 'default');
  const saByName = new Map<string, string[]>();
  for (const [ns, set] of saByNs) for (const id of set) {
    const name = id.slice(`ServiceAccount:${ns}:`.length);
    pushTo(saByName, name, id);
  }
  const tokenOwnersByNs = new Map<string, string[]>();
  for (const sa of model.serviceAccounts.values()) {
    if (sa.tokenSecrets.length) pushTo(tokenOwnersByNs, sa.namespace, `ServiceAccount:${sa.namespace}:${sa.name}`);
  }
  // Secret name -> owning accounts (all namespaces), for get-by-name grants.
  const tokenOwners = new Map<string, { namespace: string; serviceAccount: string }[]>();
  for (const sa of model.serviceAccounts.values()) {
    for (const secret of sa.tokenSecrets) {
      pushTo(tokenOwners, secret, { namespace: sa.namespace, serviceAccount: `ServiceAccount:${sa.namespace}:${sa.name}` });
    }
  }
  const runningByNs = new Map<string, Set<string>>();
  for (const w of model.workloads) {
    if (!w.automountToken) continue;
    let set = runningByNs.get(w.namespace);
    if (!set) runningByNs.set(w.namespace, (set = new Set()));
    set.add(`ServiceAccount:${w.namespace}:${w.serviceAccount}`);
  }
  // `deployments/<name>` -> namespaces, for update grants restricted by resourceNames.
  const workloadsByName = new Map<string, string[]>();
  for (const w of model.workloads) {
    const [kind = '', ns = '', name = ''] = w.workload.split('/');
    const resource = WORKLOAD_RESOURCE_OF_KIND[kind];
    if (resource) pushTo(workloadsByName, `${resource}/${name}`, ns);
  }
  const rolesByNs = new Map<string, string[]>();
  for (const id of model.roles.keys()) {
    if (!id.startsWith('Role/')) continue;
    const [, ns = '', name = ''] = id.split('/');
    pushTo(rolesByNs, ns, name);
  }

  const ctx: CapabilityContext = {
    namespaces,
    tokenSecretOwners: (ns, secret) => {
      const all = tokenOwners.get(secret) ?? [];
      return ns === '*' ? all : all.filter((o) => o.namespace === ns);
    },
    serviceAccountsNamed: (ns, name) => {
      const all = saByName.get(name) ?? [];
      return ns === '*' ? all : all.filter((id) => id === `ServiceAccount:${ns}:${name}`);
    },
    roleExists: (id) => model.roles.has(id),
    namespacesWithWorkload: (resource, ns, name) => {
      const list = workloadsByName.get(`${resource}/${name}`) ?? [];
      return ns === '*' ? list : list.filter((n) => n === ns);
    },
    rolesInNamespace: (ns) => rolesByNs.get(ns) ?? [],
  };

  const graph = new Graph();
  const sources: number[] = [];
  const sourceIds = new Set<string>();
  const addSource = (id: string): void => {
    if (sourceIds.has(id)) return;
    sourceIds.add(id);
    sources.push(graph.node(id));
  };
  const platform = options.includeSystem ? new Set<string>() : platformSubjects(model.bindings);
  const userIds = new Set<string>();
  const addSubject = (id: string): void => {
    if (id.startsWith('User:')) userIds.add(id);
    if (!platform.has(id)) addSource(id);
  };
  for (const set of saByNs.values()) for (const id of set) addSubject(id);
  for (const b of model.bindings) for (const s of b.subjects) {
    const id = bindingSubjectString(b, s);
    if (id) addSubject(id);
  }
  for (const user of userGroups.keys()) addSubject(`User:${user}`);
  // Impersonating "any user" reaches every known user, the platform's included.
  const knownUsers = [...userIds].sort(compareStrings);

  // Identities with the same applicable bindings have the same edges: compute those once.
  // Most capabilities come from a single grant, so a subject's edges are the union of its
  // bindings' edges, each computed once. Only capabilities that combine grants (bind + write
  // bindings, escalate + update, CSR create + approve, create + read secrets, namespaces + pods)
  // need the subject's full rule set, and only when one of its bindings could contribute to one.
  const scopedRules = (a: AppliedBinding): ScopedRule[] => {
    const namespace = a.binding.kind === 'ClusterRoleBinding' ? '*' : a.binding.namespace;
    const via = viaOf(a.binding, a.group);
    return (a.binding.rules ?? []).map((rule) => ({ namespace, rule, via }));
  };
  const appliedKey = (a: AppliedBinding): string => (a.group === undefined ? a.binding.id : `${a.binding.id}#${a.group}`);
  // Identical rules in the same scope open identical edges, whichever role holds them.
  const perRule = new Map<string, EdgeSpec[]>();
  const templateVia: Via = { binding: TEMPLATE, role: TEMPLATE };
  const ruleEdges = (rule: PolicyRule, scope: string): EdgeSpec[] => {
    const key = `${scope}\u0000${cachedRuleKey(rule)}`;
    let edges = perRule.get(key);
    if (!edges) {
      edges = capabilityEdges([{ namespace: scope, rule, via: templateVia }], [], ctx, false);
      perRule.set(key, edges);
    }
    return edges;
  };
  const perBinding = new Map<AppliedBinding, EdgeGroup & { halves: number }>();
  const perRole = new Map<string, { edges: EdgeSpec[]; halves: number }>();
  const bindingEdges = (a: AppliedBinding): EdgeGroup & { halves: number } => {
    // Index entries are stable objects, so they key the cache without building strings.
    let entry = perBinding.get(a);
    if (!entry) {
      // Bindings of the same role in the same scope open the same edges; only provenance differs,
      // and it travels beside the shared edges rather than in copies of them.
      const scope = a.binding.kind === 'ClusterRoleBinding' ? '*' : a.binding.namespace;
      const roleKey = `${a.binding.roleId}\u0000${a.binding.kind}\u0000${scope}`;
      let template = perRole.get(roleKey);
      if (!template) {
        const rules = a.binding.rules ?? [];
        const ruleHalves = rules.map(combiningHalves);
        let halves = 0;
        for (const h of ruleHalves) halves |= h;
        const edges = needsJointAnalysis(ruleHalves)
          ? capabilityEdges(scopedRules({ binding: { ...a.binding, id: TEMPLATE } }), [], ctx, false) // rules that combine with each other
          : unionEdges(rules.map((r) => ruleEdges(r, scope)));
        template = { edges, halves };
        perRole.set(roleKey, template);
      }
      const via = viaOf(a.binding, a.group);
      entry = { edges: template.edges, via, halves: template.halves };
      perBinding.set(a, entry);
    }
    return entry;
  };
  const memo = new Map<string, EdgeSpec[]>();
  const subjectEdges = (user: UserInfo): EdgeGroup[] => {
    const applied = authz.bindingsFor(user).filter((a) => a.binding.rules !== undefined);
    const privileged = user.groups.includes(PRIVILEGED_GROUP);
    // Bindings that open no edge and hold no half of a combined capability (system:basic-user,
    // system:discovery ... which every identity holds) change nothing but the memo key: skip them.
    const contributing: AppliedBinding[] = [];
    const parts: (EdgeGroup & { halves: number })[] = [];
    for (const a of applied) {
      const part = bindingEdges(a);
      if (part.edges.length === 0 && part.halves === 0) continue;
      contributing.push(a);
      parts.push(part);
    }
    let halves = 0;
    for (const p of parts) halves |= p.halves;
    let groups: EdgeGroup[] = parts;
    if (privileged || needsJointAnalysis(parts.map((p) => p.halves))) {
      const key = (privileged ? 'P|' : '') + contributing.map(appliedKey).sort().join('|');
      let edges = memo.get(key);
      if (!edges) {
        edges = capabilityEdges(contributing.flatMap(scopedRules), [], ctx, privileged);
        memo.set(key, edges);
      }
      groups = [{ edges }];
    }
    if ((halves & ESCALATE_HALVES) === ESCALATE_HALVES) {
      // All bindings here: `escalate` + update on any role the subject is bound to, inert or not.
      groups = [...groups, { edges: escalateEdges(applied.flatMap(scopedRules), applied.map((a) => a.binding)) }];
    }
    return groups;
  };
  const FULL: PolicyRule = { verbs: ['*'], apiGroups: ['*'], resources: ['*'], resourceNames: [], nonResourceURLs: [] };
  const grantEdges = (id: string): EdgeSpec[] => {
    // `ClusterRole:*`, `ClusterRole:*@ns`, `ClusterRole:<n>`, `ClusterRole:<n>@ns`, `Role:<ns>:<n>`
    let rules: PolicyRule[] | undefined;
    let namespace = '*';
    let roleId: string;
    if (id.startsWith('Role:')) {
      const [, ns = '', name = ''] = id.split(':');
      namespace = ns;
      roleId = `Role/${ns}/${name}`;
      rules = model.roles.get(roleId);
    } else {
      const body = id.slice('ClusterRole:'.length);
      const at = body.lastIndexOf('@');
      const name = at >= 0 ? body.slice(0, at) : body;
      if (at >= 0) namespace = body.slice(at + 1);
      roleId = name === '*' ? 'ClusterRole/*' : `ClusterRole/${name}`;
      rules = name === '*' ? [FULL] : model.roles.get(roleId);
    }
    const via: Via = model.bootstrapRoles.has(roleId) ? { binding: NEW_BINDING, role: roleId, roleSource: 'bootstrap' } : { binding: NEW_BINDING, role: roleId };
    return capabilityEdges((rules ?? []).map((rule) => ({ namespace, rule, via })), [], ctx, false);
  };

  const hubTargets = (id: string): { to: string; namespace?: string }[] => {
    const body = id.slice('hub:'.length);
    const at = body.indexOf('@');
    const kind = body.slice(0, at);
    const ns = body.slice(at + 1);
    if (kind === 'users') return knownUsers.map((to) => ({ to }));
    if (kind === 'anyrole') return namespaces.map((n) => ({ to: `ClusterRole:*@${n}`, namespace: n }));
    if (ns === '*') {
      const fan = namespaces.map((n) => ({ to: `hub:${kind}@${n}`, namespace: n }));
      return kind === 'secrets' ? [...fan, { to: 'impact:secrets' }] : fan;
    }
    switch (kind) {
      case 'pods': {
        const out = [...(saByNs.get(ns) ?? [])].map((to) => ({ to, namespace: ns }));
        const enforce = model.namespaceLabels.get(ns)?.['pod-security.kubernetes.io/enforce'];
        // Without a baseline/restricted enforce label a pod may be privileged or mount the host.
        if (enforce !== 'baseline' && enforce !== 'restricted') out.push({ to: 'impact:node', namespace: ns });
        // A pod can mount any Secret of its namespace.
        out.push({ to: 'impact:secrets', namespace: ns });
        return out;
      }
      case 'tokens':
        return [...(saByNs.get(ns) ?? [])].map((to) => ({ to, namespace: ns }));
      case 'roles':
        return ctx.rolesInNamespace(ns).map((name) => ({ to: `Role:${ns}:${name}`, namespace: ns }));
      case 'running':
        return [...(runningByNs.get(ns) ?? [])].map((to) => ({ to, namespace: ns }));
      case 'secrets': {
        const out: { to: string; namespace?: string }[] = [];
        for (const o of tokenOwnersByNs.get(ns) ?? []) out.push({ to: o, namespace: ns });
        out.push({ to: 'impact:secrets', namespace: ns });
        return out;
      }
      default:
        return [];
    }
  };

  for (const impact of IMPACTS) graph.node(`impact:${impact}`);
  let edgeCount = 0;
  for (let i = graph.next(); i !== undefined; i = graph.next()) {
    const id = graph.ids[i] as string;
    const out = graph.out[i] as Edge[];
    if (id.startsWith('impact:')) continue;
    if (id.startsWith('hub:')) {
      for (const t of hubTargets(id)) out.push(t.namespace === undefined ? { to: graph.node(t.to), weight: 0 } : { to: graph.node(t.to), weight: 0, namespace: t.namespace });
    } else {
      const groups = id.startsWith('Role:') || id.startsWith('ClusterRole:') ? [{ edges: grantEdges(id) }] : subjectEdges(userInfoOf(parseSubject(id), userGroups));
      // First edge per target is enough for shortest paths.
      const seen = groups.length > 1 ? new Set<string>() : undefined;
      for (const g of groups) {
        for (const spec of g.edges) {
          if (spec.to === id) continue;
          if (seen) {
            if (seen.has(spec.to)) continue;
            seen.add(spec.to);
          }
          out.push(g.via === undefined ? { to: graph.node(spec.to), weight: 1, spec } : { to: graph.node(spec.to), weight: 1, spec, via: g.via });
        }
      }
    }
    edgeCount += out.length;
  }

  // Reverse adjacency (CSR layout) for the backward searches.
  const n = graph.ids.length;
  const revStart = new Int32Array(n + 1);
  for (const edges of graph.out) for (const e of edges) (revStart[e.to + 1] as number)++;
  for (let i = 0; i < n; i++) revStart[i + 1] = (revStart[i + 1] as number) + (revStart[i] as number);
  const revFrom = new Int32Array(edgeCount);
  const revEdge = new Int32Array(edgeCount);
  const fill = revStart.slice(0, n);
  graph.out.forEach((edges, from) => {
    edges.forEach((e, k) => {
      const pos = (fill[e.to] as number)++;
      revFrom[pos] = from;
      revEdge[pos] = k;
    });
  });

  const paths: EscalationPath[] = [];
  const dist = new Int32Array(n);
  const nextEdge = new Int32Array(n);
  // Every push follows an edge (plus the start), so 2*(edges+1) slots around the middle suffice.
  const deque = new Int32Array(2 * edgeCount + 4);
  for (const impact of IMPACTS) {
    const target = graph.index.get(`impact:${impact}`) as number;
    dist.fill(-1);
    nextEdge.fill(-1);
    // 0-1 BFS backwards from the impact: dist[v] = fewest permission-using steps from v.
    let head = edgeCount + 2;
    let tail = edgeCount + 2;
    deque[tail++] = target;
    dist[target] = 0;
    const done = new Uint8Array(n);
    while (head < tail) {
      const v = deque[head++] as number;
      if (done[v]) continue;
      done[v] = 1;
      const dv = dist[v] as number;
      for (let p = revStart[v] as number; p < (revStart[v + 1] as number); p++) {
        const u = revFrom[p] as number;
        const k = revEdge[p] as number;
        const e = (graph.out[u] as Edge[])[k] as Edge;
        const du = dv + e.weight;
        const cur = dist[u] as number;
        if (cur !== -1 && cur <= du) continue;
        dist[u] = du;
        nextEdge[u] = k;
        if (e.weight === 0) deque[--head] = u;
        else deque[tail++] = u;
      }
    }
    for (const s of sources) {
      if ((dist[s] as number) <= 0) continue;
      paths.push(buildPath(graph, s, impact, nextEdge));
    }
  }
  paths.sort((a, b) => compareStrings(a.from, b.from) || IMPACTS.indexOf(a.impact) - IMPACTS.indexOf(b.impact));

  const edges = (): GraphEdge[] => {
    const out: GraphEdge[] = [];
    graph.out.forEach((list, from) => {
      const fromId = graph.ids[from] as string;
      if (fromId.startsWith('hub:')) return;
      for (const e of list) {
        if (!e.spec) continue;
        out.push({ from: fromId, to: e.spec.to, action: e.spec.action, permission: e.spec.permission, grantedBy: e.via ?? e.spec.grantedBy });
      }
    });
    return out;
  };
  return { paths, edges, stats: { nodes: n, edges: edgeCount, sources: sources.length } };
}

function labelOf(id: string): string {
  return id.startsWith('impact:') ? id.slice('impact:'.length) : id;
}

function buildPath(graph: Graph, source: number, impact: Impact, nextEdge: Int32Array): EscalationPath {
  const steps: EscalationStep[] = [];
  const rules: (PolicyRule | undefined)[] = [];
  const vias: Via[] = [];
  let v = source;
  let guard = graph.ids.length + 1;
  while (!(graph.ids[v] as string).startsWith('impact:') && guard-- > 0) {
    const e = (graph.out[v] as Edge[])[nextEdge[v] as number] as Edge;
    if (e.weight === 1 && e.spec) {
      const grantedBy = e.via ?? e.spec.grantedBy;
      const { binding, role, bindingSource, roleSource } = grantedBy;
      const by: EscalationStep['grantedBy'] = { binding, role };
      if (bindingSource) by.bindingSource = bindingSource;
      if (roleSource) by.roleSource = roleSource;
      steps.push({ subject: graph.ids[v] as string, action: e.spec.action, permission: { ...e.spec.permission }, grantedBy: by, becomes: labelOf(graph.ids[e.to] as string) });
      rules.push(e.spec.rule);
      vias.push(grantedBy);
    } else {
      const last = steps[steps.length - 1];
      if (last) {
        last.becomes = labelOf(graph.ids[e.to] as string);
        if (e.namespace !== undefined && last.permission.namespace === undefined) last.permission.namespace = e.namespace;
      }
    }
    v = e.to;
  }
  return { from: graph.ids[source] as string, impact, severity: IMPACT_SEVERITY[impact], steps, remediation: remediationFor(steps, vias, rules) };
}

/**
 * The least disruptive cut: the first step granted by a real binding. If that binding names the
 * stepping subject directly, removing the subject from it breaks the path without touching anyone
 * else; if it comes through a group, the rule is removed from the role instead.
 */
function remediationFor(steps: EscalationStep[], vias: Via[], rules: (PolicyRule | undefined)[]): Remediation {
  // Bootstrap bindings are reconciled back by the API server on restart: cut an input grant if any.
  const firstInput = vias.findIndex((v) => !v.binding.startsWith('(') && v.bindingSource === undefined);
  for (let i = Math.max(firstInput, 0); i < steps.length; i++) {
    const via = vias[i] as Via;
    const step = steps[i] as EscalationStep;
    if (via.binding.startsWith('(')) continue;
    // A group's own path: the binding names the group itself.
    if (via.group === undefined || step.subject === `Group:${via.group}`) {
      return { kind: 'remove-subject', binding: via.binding, role: via.role, subject: step.subject, description: `remove ${step.subject} from the subjects of ${via.binding}` };
    }
    // Bootstrap roles are reconciled back by the API server: cut the group's binding instead.
    if (via.roleSource === 'bootstrap') {
      const group = `Group:${via.group}`;
      return { kind: 'remove-subject', binding: via.binding, role: via.role, subject: group, description: `remove ${group} from the subjects of ${via.binding} (it reaches ${step.subject} through that group; ${via.role} is a bootstrap role)` };
    }
    const rule = rules[i];
    const r: Remediation = { kind: 'remove-rule', binding: via.binding, role: via.role, description: `remove the rule granting ${step.permission.verb} ${step.permission.resource} from ${via.role} (reaches ${step.subject} through group ${via.group} in ${via.binding})` };
    if (rule) r.rule = describeRule(rule);
    return r;
  }
  return { kind: 'remove-subject', binding: '(authentication)', role: '(none)', description: `remove ${steps[0]?.subject ?? 'the subject'} from ${PRIVILEGED_GROUP}` };
}
