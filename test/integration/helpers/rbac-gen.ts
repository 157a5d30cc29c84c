/**
 * Random RBAC worlds for the oracle: ClusterRoles (some aggregated, one an aggregate of
 * aggregates, some labelled into the bootstrap `view`/`edit` aggregates), Roles, RoleBindings and
 * ClusterRoleBindings (to Roles, ClusterRoles and missing roles; ServiceAccount subjects with and
 * without namespace), ServiceAccounts, users with groups, and random access questions.
 */
import type { K8sObject } from '../../../src/model/types.js';
import type { Rng } from './random.js';

export const NAMESPACES = ['ns-a', 'ns-b', 'ns-c'];
export const USERS = ['alice', 'bob', 'carol', 'dave', 'erin'];
export const GROUPS = ['team-x', 'team-y', 'team-z'];
export const SERVICE_ACCOUNTS = ['sa-0', 'sa-1'];
const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
const RESOURCE_CHOICES: [string[], string[]][] = [
  [[''], ['pods']],
  [[''], ['pods/log']],
  [[''], ['pods', 'pods/exec']],
  [[''], ['pods/*']],
  [['apps'], ['deployments']],
  [['apps'], ['deployments/scale']],
  [['apps', ''], ['*/scale']],
  [[''], ['secrets']],
  [[''], ['configmaps', 'secrets']],
  [['batch'], ['jobs']],
  [['*'], ['pods']],
  [['*'], ['*']],
  [[''], ['nodes']],
];
const NAMES = ['n-0', 'n-1'];
const NON_RESOURCE_URLS = ['/metrics', '/healthz', '/healthz/*', '/api/*', '*'];
const AGG_LABELS = ['rampart.test/agg-a', 'rampart.test/agg-b'];

type Rule = Record<string, string[]>;

function resourceRule(r: Rng): Rule {
  const [apiGroups, resources] = r.pick(RESOURCE_CHOICES);
  const verbs = r.chance(0.12) ? ['*'] : r.subset(VERBS, 0.3);
  if (verbs.length === 0) verbs.push(r.pick(VERBS));
  const rule: Rule = { apiGroups, resources, verbs };
  if (r.chance(0.2)) rule['resourceNames'] = r.subset(NAMES, 0.6).length ? r.subset(NAMES, 0.6) : ['n-0'];
  return rule;
}

function rules(r: Rng, clusterRole: boolean): Rule[] {
  const out = Array.from({ length: r.int(1, 3) }, () => resourceRule(r));
  if (clusterRole && r.chance(0.25)) out.push({ nonResourceURLs: [r.pick(NON_RESOURCE_URLS)], verbs: [r.pick(['get', 'post', '*'])] });
  return out;
}

export interface Subject {
  /** Rampart subject string. */
  text: string;
  user?: string;
  groups: string[];
}

export interface RbacWorld {
  objects: K8sObject[];
  /** user -> groups, as an authenticator would assert them. */
  userGroups: Record<string, string[]>;
}

const rbac = 'rbac.authorization.k8s.io/v1';

function subjectsFor(r: Rng, namespace: string | undefined): Record<string, string>[] {
  const subjects: Record<string, string>[] = [];
  for (let n = r.int(1, 3); n > 0; n--) {
    switch (r.int(0, 3)) {
      case 0:
        subjects.push({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: r.pick(USERS) });
        break;
      case 1:
        subjects.push({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: r.pick([...GROUPS, 'system:serviceaccounts', `system:serviceaccounts:${r.pick(NAMESPACES)}`, 'system:authenticated']) });
        break;
      default: {
        const sa: Record<string, string> = { kind: 'ServiceAccount', name: r.pick(SERVICE_ACCOUNTS) };
        // In a RoleBinding an empty namespace means the binding's own.
        if (namespace === undefined || r.chance(0.6)) sa['namespace'] = r.pick(NAMESPACES);
        subjects.push(sa);
      }
    }
  }
  return subjects;
}

export function randomWorld(r: Rng): RbacWorld {
  const objects: K8sObject[] = [];
  const clusterRoles: string[] = [];
  for (let i = 0; i < 8; i++) {
    const labels: Record<string, string> = {};
    if (r.chance(0.4)) labels[r.pick(AGG_LABELS)] = 'true';
    if (r.chance(0.3)) labels['tier'] = r.pick(['x', 'y']);
    if (r.chance(0.1)) labels['rbac.authorization.k8s.io/aggregate-to-view'] = 'true';
    const name = `cr-${i}`;
    clusterRoles.push(name);
    objects.push({ apiVersion: rbac, kind: 'ClusterRole', metadata: { name, labels }, rules: rules(r, true) });
  }
  // Aggregates: by label, by expression, and an aggregate that is itself selected by another.
  objects.push({ apiVersion: rbac, kind: 'ClusterRole', metadata: { name: 'agg-0' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'rampart.test/agg-a': 'true' } }] }, rules: [] });
  objects.push({
    apiVersion: rbac,
    kind: 'ClusterRole',
    metadata: { name: 'agg-1', labels: { 'rampart.test/agg-b': 'true' } },
    aggregationRule: { clusterRoleSelectors: [{ matchExpressions: [{ key: 'tier', operator: r.pick(['In', 'NotIn']), values: ['x'] }] }, { matchLabels: { 'rampart.test/agg-a': 'true' } }] },
    rules: [],
  });
  objects.push({ apiVersion: rbac, kind: 'ClusterRole', metadata: { name: 'agg-2' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'rampart.test/agg-b': 'true' } }] }, rules: [] });
  clusterRoles.push('agg-0', 'agg-1', 'agg-2', 'view', 'edit', 'missing-clusterrole');

  for (const ns of NAMESPACES) {
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    for (const sa of SERVICE_ACCOUNTS) objects.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: ns } });
    const roles = ['role-0', 'role-1'];
    for (const role of roles) objects.push({ apiVersion: rbac, kind: 'Role', metadata: { name: role, namespace: ns }, rules: rules(r, false) });
    for (let i = 0; i < 3; i++) {
      const toRole = r.chance(0.5);
      objects.push({
        apiVersion: rbac,
        kind: 'RoleBinding',
        metadata: { name: `rb-${i}`, namespace: ns },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: toRole ? 'Role' : 'ClusterRole', name: toRole ? r.pick([...roles, 'missing-role']) : r.pick(clusterRoles) },
        subjects: subjectsFor(r, ns),
      });
    }
  }
  for (let i = 0; i < 3; i++) {
    objects.push({
      apiVersion: rbac,
      kind: 'ClusterRoleBinding',
      metadata: { name: `crb-${i}` },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: r.pick(clusterRoles) },
      subjects: subjectsFor(r, undefined),
    });
  }
  const userGroups: Record<string, string[]> = {};
  for (const u of USERS) userGroups[u] = r.subset(GROUPS, 0.4);
  return { objects, userGroups };
}

export interface Question {
  verb: string;
  /** Resource request, or `nonResourceURL`. */
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  nonResourceURL?: string;
}

const QUESTION_RESOURCES: [string, string, string?][] = [
  ['', 'pods'],
  ['', 'pods', 'log'],
  ['', 'pods', 'exec'],
  ['apps', 'deployments'],
  ['apps', 'deployments', 'scale'],
  ['', 'secrets'],
  ['', 'configmaps'],
  ['batch', 'jobs'],
  ['', 'nodes'],
  ['rbac.authorization.k8s.io', 'roles'],
];

export function randomQuestion(r: Rng): Question {
  if (r.chance(0.1)) return { verb: r.pick(['get', 'post']), nonResourceURL: r.pick(['/metrics', '/healthz', '/healthz/ping', '/api', '/api/v1', '/version']) };
  const [apiGroup, resource, subresource] = r.pick(QUESTION_RESOURCES);
  const q: Question = { verb: r.pick([...VERBS, 'escalate']), apiGroup, resource };
  if (subresource) q.subresource = subresource;
  const ns = r.pick([...NAMESPACES, '']);
  if (ns && resource !== 'nodes') q.namespace = ns;
  if (r.chance(0.4)) q.name = r.pick([...NAMES, 'n-2']);
  return q;
}

/** Every identity of the world: users (with their groups), service accounts, and groups alone. */
export function identities(world: RbacWorld): Subject[] {
  const out: Subject[] = [];
  for (const [user, groups] of Object.entries(world.userGroups)) out.push({ text: `User:${user}`, user, groups: [...groups, 'system:authenticated'] });
  for (const ns of NAMESPACES) {
    for (const sa of SERVICE_ACCOUNTS) out.push({ text: `ServiceAccount:${ns}:${sa}`, user: `system:serviceaccount:${ns}:${sa}`, groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'] });
  }
  return out;
}
