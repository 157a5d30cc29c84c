/**
 * The RBAC authorizer over static input: the same answers kube-apiserver's RBAC authorizer (plus
 * the system:masters privileged-group authorizer in front of it) gives, with provenance.
 *
 * Binding subjects are indexed by the identity they match: a User by name, a Group by name, a
 * ServiceAccount by its username `system:serviceaccount:<ns>:<name>` (namespace defaulted to the
 * RoleBinding's), which is exactly the comparison upstream's appliesTo makes.
 */
import type { K8sObject } from '../../model/types.js';
import { buildModel, saKey, viaOf as bindingVia } from './model.js';
import type { Binding, RbacModel } from './model.js';
import { rulesAllow } from './rules.js';
import {
  AUTHENTICATED_GROUP,
  PRIVILEGED_GROUP,
  formatSubject,
  parseSubject,
  serviceAccountGroups,
  serviceAccountUsername,
  userInfoOf,
} from './subjects.js';
import type { Subject } from './subjects.js';
import { isNonResource } from './types.js';
import type { Attributes, Decision, RbacProblem, ScopedRule, UserInfo, Via } from './types.js';

export interface AuthorizerOptions {
  /** Include Kubernetes' bootstrap policy where the input does not override it (default true; see bootstrap.ts). */
  bootstrap?: boolean;
  /** User name -> groups, for `User:` subjects (humans' groups come from the authenticator, not RBAC). */
  userGroups?: ReadonlyMap<string, readonly string[]> | Record<string, readonly string[]>;
}

export interface WhoCanEntry {
  subject: string;
  via: Via[];
}

export interface WhoCanOptions {
  /** Also list known service accounts and mapped users that hold the grant through a group (default true). */
  expandGroups?: boolean;
}

export interface Permissions {
  subject: string;
  user: UserInfo;
  /** True when the identity is in system:masters: RBAC is bypassed entirely. */
  unrestricted: boolean;
  rules: ScopedRule[];
  problems: RbacProblem[];
}

export interface Authorizer {
  readonly model: RbacModel;
  /** The user-to-groups map `User:` subjects are resolved with. */
  readonly userGroups: ReadonlyMap<string, readonly string[]>;
  /** Same decision as a SubjectAccessReview for this user and groups, restricted to RBAC + system:masters. */
  allows(subject: string | UserInfo, attrs: Attributes): Decision;
  /** Every subject allowed, each with the bindings and roles that grant it. */
  whoCan(attrs: Attributes, options?: WhoCanOptions): WhoCanEntry[];
  /** Effective rules per namespace (`*` = cluster-wide) with provenance. */
  permissions(subject: string | UserInfo): Permissions;
  /** The identity a subject string stands for (see subjects.ts). */
  userInfo(subject: string): UserInfo;
  /** Bindings (with the matching grant) that apply to an identity. */
  bindingsFor(user: UserInfo): readonly AppliedBinding[];
  readonly problems: RbacProblem[];
}

export interface AppliedBinding {
  readonly binding: Binding;
  /** The group through which it applies, if not directly. */
  readonly group?: string;
}

interface IndexedSubject {
  readonly binding: Binding;
  /** The group subject that matched, when the binding applies through a group. */
  readonly group?: string;
}

function userKey(name: string): string {
  return `u\u0000${name}`;
}
function groupKey(name: string): string {
  return `g\u0000${name}`;
}

/** The key a binding subject is matched under, or undefined when it can match nobody. */
function subjectIndexKey(binding: Binding, s: { kind: string; name: string; namespace?: string }): string | undefined {
  if (!s.name) return undefined;
  switch (s.kind) {
    case 'User':
      return userKey(s.name);
    case 'Group':
      return groupKey(s.name);
    case 'ServiceAccount': {
      const ns = s.namespace || binding.namespace;
      return ns ? userKey(serviceAccountUsername(ns, s.name)) : undefined;
    }
    default:
      return undefined;
  }
}

/** The subject string a binding subject denotes, or undefined if it matches nobody. */
export function bindingSubjectString(binding: Binding, s: { kind: string; name: string; namespace?: string }): string | undefined {
  if (!s.name) return undefined;
  if (s.kind === 'User' || s.kind === 'Group') return `${s.kind}:${s.name}`;
  if (s.kind === 'ServiceAccount') {
    const ns = s.namespace || binding.namespace;
    return ns ? `ServiceAccount:${ns}:${s.name}` : undefined;
  }
  return undefined;
}

function toMap(groups: AuthorizerOptions['userGroups']): ReadonlyMap<string, readonly string[]> {
  if (!groups) return new Map();
  return groups instanceof Map ? groups : new Map(Object.entries(groups));
}

export function buildAuthorizer(objects: readonly K8sObject[], options: AuthorizerOptions = {}): Authorizer {
  return authorizerFromModel(buildModel(objects, options.bootstrap === undefined ? {} : { bootstrap: options.bootstrap }), options);
}

export function authorizerFromModel(model: RbacModel, options: AuthorizerOptions = {}): Authorizer {
  const userGroups = toMap(options.userGroups);
  const index = new Map<string, IndexedSubject[]>();
  const byNamespace = new Map<string, Binding[]>();
  const clusterBindings: Binding[] = [];
  for (const b of model.bindings) {
    if (b.kind === 'ClusterRoleBinding') clusterBindings.push(b);
    else {
      let list = byNamespace.get(b.namespace);
      if (!list) byNamespace.set(b.namespace, (list = []));
      list.push(b);
    }
    const seen = new Set<string>();
    for (const s of b.subjects) {
      const key = subjectIndexKey(b, s);
      if (key === undefined || seen.has(key)) continue;
      seen.add(key);
      let list = index.get(key);
      if (!list) index.set(key, (list = []));
      list.push(s.kind === 'Group' ? { binding: b, group: s.name } : { binding: b });
    }
  }

  const resolve = (subject: string | UserInfo): { label: string; user: UserInfo } => {
    if (typeof subject !== 'string') return { label: subject.name ? `User:${subject.name}` : `Group:${subject.groups.join(',')}`, user: subject };
    return { label: formatSubject(parseSubject(subject)), user: userInfoOf(parseSubject(subject), userGroups) };
  };

  const bindingsFor = (user: UserInfo): readonly AppliedBinding[] => {
    // Index entries are immutable {binding, group?} records: hand them out as they are.
    const lists: IndexedSubject[][] = [];
    const direct = user.name ? index.get(userKey(user.name)) : undefined;
    if (direct) lists.push(direct);
    for (const g of user.groups) {
      const list = index.get(groupKey(g));
      if (list) lists.push(list);
    }
    if (lists.length === 1) return lists[0] as IndexedSubject[];
    const out: AppliedBinding[] = [];
    const seen = new Set<Binding>();
    for (const list of lists) {
      for (const e of list) {
        if (seen.has(e.binding)) continue;
        seen.add(e.binding);
        out.push(e);
      }
    }
    return out;
  };

  const viaOf = (a: AppliedBinding): Via => bindingVia(a.binding, a.group);

  const problemFor = (b: Binding): RbacProblem[] => model.problems.filter((p) => p.object === b.id);

  const allows = (subject: string | UserInfo, attrs: Attributes): Decision => {
    const { user } = resolve(subject);
    if (user.groups.includes(PRIVILEGED_GROUP)) {
      return { allowed: true, reason: `${PRIVILEGED_GROUP} bypasses RBAC`, via: [], problems: [] };
    }
    // Non-resource requests and cluster-scoped requests have no namespace: only ClusterRoleBindings apply.
    const ns = isNonResource(attrs) ? '' : (attrs.namespace ?? '');
    const via: Via[] = [];
    const problems: RbacProblem[] = [];
    for (const a of bindingsFor(user)) {
      const b = a.binding;
      if (b.kind === 'RoleBinding' && (ns === '' || b.namespace !== ns)) continue;
      if (!b.rules) {
        problems.push(...problemFor(b));
        continue;
      }
      if (rulesAllow(attrs, b.rules)) via.push(viaOf(a));
    }
    if (via.length === 0) return { allowed: false, reason: 'RBAC: no rule allows the request', via, problems };
    const first = via[0] as Via;
    return { allowed: true, reason: `RBAC: allowed by ${first.binding}${first.bindingSource ? ' (bootstrap)' : ''} of ${first.role}${first.roleSource ? ' (bootstrap)' : ''}`, via, problems: [] };
  };

  // Group -> known members, for expanding who-can answers to concrete identities.
  const groupMembers = (): Map<string, string[]> => {
    const members = new Map<string, string[]>();
    const add = (g: string, s: string): void => {
      let list = members.get(g);
      if (!list) members.set(g, (list = []));
      list.push(s);
    };
    for (const sa of model.serviceAccounts.values()) {
      const s = `ServiceAccount:${sa.namespace}:${sa.name}`;
      for (const g of serviceAccountGroups(sa.namespace)) add(g, s);
    }
    for (const [user, groups] of userGroups) {
      const all = new Set([...groups, AUTHENTICATED_GROUP]);
      for (const g of all) add(g, `User:${user}`);
    }
    return members;
  };
  let membersCache: Map<string, string[]> | undefined;

  const whoCan = (attrs: Attributes, opts: WhoCanOptions = {}): WhoCanEntry[] => {
    const ns = isNonResource(attrs) ? '' : (attrs.namespace ?? '');
    const result = new Map<string, Via[]>();
    const add = (subject: string, via: Via): void => {
      let list = result.get(subject);
      if (!list) result.set(subject, (list = []));
      if (!list.some((v) => v.binding === via.binding && v.group === via.group)) list.push(via);
    };
    const scope = ns ? [...clusterBindings, ...(byNamespace.get(ns) ?? [])] : clusterBindings;
    const grantingGroups: { group: string; via: Via }[] = [];
    for (const b of scope) {
      if (!b.rules || !rulesAllow(attrs, b.rules)) continue;
      for (const s of b.subjects) {
        const subject = bindingSubjectString(b, s);
        if (!subject) continue;
        add(subject, bindingVia(b));
        if (s.kind === 'Group') grantingGroups.push({ group: s.name, via: bindingVia(b, s.name) });
      }
    }
    if (opts.expandGroups !== false && grantingGroups.length > 0) {
      membersCache ??= groupMembers();
      for (const { group, via } of grantingGroups) for (const m of membersCache.get(group) ?? []) add(m, via);
    }
    add(`Group:${PRIVILEGED_GROUP}`, { binding: '(none: privileged group)', role: '(bypasses RBAC)' });
    return [...result.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([subject, via]) => ({ subject, via }));
  };

  const permissions = (subject: string | UserInfo): Permissions => {
    const { label, user } = resolve(subject);
    const rules: ScopedRule[] = [];
    const problems: RbacProblem[] = [];
    for (const a of bindingsFor(user)) {
      const b = a.binding;
      if (!b.rules) {
        problems.push(...problemFor(b));
        continue;
      }
      const namespace = b.kind === 'ClusterRoleBinding' ? '*' : b.namespace;
      for (const rule of b.rules) rules.push({ namespace, rule, via: viaOf(a) });
    }
    rules.sort((x, y) => (x.namespace === y.namespace ? 0 : x.namespace === '*' ? -1 : y.namespace === '*' ? 1 : x.namespace < y.namespace ? -1 : 1));
    return { subject: label, user, unrestricted: user.groups.includes(PRIVILEGED_GROUP), rules, problems };
  };

  return {
    model,
    userGroups,
    allows,
    whoCan,
    permissions,
    userInfo: (s) => resolve(s).user,
    bindingsFor,
    problems: model.problems,
  };
}

/** All service-account subjects the model knows (declared, used by workloads, or owning token secrets). */
export function knownServiceAccounts(model: RbacModel): Subject[] {
  return [...model.serviceAccounts.values()].map((sa) => ({ kind: 'ServiceAccount', namespace: sa.namespace, name: sa.name }));
}

export { saKey };
