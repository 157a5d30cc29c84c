// Authorizer semantics, with rows modelled on upstream's rbac_test.go (TestAuthorizer),
// rule_test.go (appliesTo / subject matching) and subject_locator_test.go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAuthorizer as buildWithBootstrap } from './authorizer.js';
import type { AuthorizerOptions } from './authorizer.js';
import type { Attributes } from './types.js';
import { clusterRole, clusterRoleBinding, role, roleBinding, serviceAccount } from './test-fixtures.js';
import type { K8sObject } from '../../model/types.js';

// Upstream's tables describe the objects they list and nothing else: no bootstrap policy here
// (bootstrap.test.ts covers it).
const buildAuthorizer = (objects: readonly K8sObject[], options: AuthorizerOptions = {}) => buildWithBootstrap(objects, { bootstrap: false, ...options });

const r = (verb: string, resource: string, namespace = '', extra: Partial<{ subresource: string; apiGroup: string; name: string }> = {}): Attributes => {
  const a: Attributes = { verb, resource, apiGroup: extra.apiGroup ?? '' };
  if (namespace) a.namespace = namespace;
  if (extra.subresource) a.subresource = extra.subresource;
  if (extra.name) a.name = extra.name;
  return a;
};

test('RoleBinding to a ClusterRole applies only in its namespace; ClusterRoleBinding everywhere', () => {
  const authz = buildAuthorizer([
    clusterRole('admin', [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]),
    roleBinding('ns1', 'admin', { kind: 'ClusterRole', name: 'admin' }, ['User:admin', 'Group:admins']),
    clusterRole('reader', [{ verbs: ['get'], apiGroups: [''], resources: ['nodes', 'pods'] }]),
    clusterRoleBinding('readers', 'reader', ['User:reader']),
  ]);
  const rows: [string, Attributes, boolean][] = [
    ['User:admin', r('get', 'pods', 'ns1'), true],
    ['User:admin', r('delete', 'secrets', 'ns1'), true],
    ['User:admin', r('get', 'pods', 'ns2'), false],
    ['User:admin', r('get', 'nodes'), false], // cluster-scoped: RoleBindings never apply
    ['User:admin', r('get', 'pods'), false], // cluster-wide list: no namespace
    ['Group:admins', r('get', 'pods', 'ns1'), true],
    ['User:reader', r('get', 'nodes'), true],
    ['User:reader', r('get', 'pods', 'any-namespace'), true],
    ['User:reader', r('list', 'pods', 'ns1'), false],
    ['User:nobody', r('get', 'pods', 'ns1'), false],
  ];
  for (const [s, a, want] of rows) assert.equal(authz.allows(s, a).allowed, want, `${s} ${JSON.stringify(a)}`);
});

test('Role referenced by a RoleBinding resolves in the binding namespace only', () => {
  const authz = buildAuthorizer([
    role('ns1', 'pod-reader', [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]),
    roleBinding('ns1', 'rb', { kind: 'Role', name: 'pod-reader' }, ['User:alice']),
    roleBinding('ns2', 'rb', { kind: 'Role', name: 'pod-reader' }, ['User:bob']),
  ]);
  assert.equal(authz.allows('User:alice', r('get', 'pods', 'ns1')).allowed, true);
  assert.equal(authz.allows('User:alice', r('get', 'pods', 'ns2')).allowed, false);
  // ns2 has no Role named pod-reader: reported, not fatal, grants nothing.
  const d = authz.allows('User:bob', r('get', 'pods', 'ns2'));
  assert.equal(d.allowed, false);
  assert.deepEqual(d.problems.map((p) => [p.code, p.object]), [['missing-role', 'RoleBinding/ns2/rb']]);
  assert.ok(authz.problems.some((p) => p.code === 'missing-role' && p.object === 'RoleBinding/ns2/rb'));
});

test('ServiceAccount subjects: namespace defaulting, implicit groups, username matching', () => {
  const authz = buildAuthorizer([
    clusterRole('r', [{ verbs: ['get'], apiGroups: [''], resources: ['configmaps'] }]),
    roleBinding('ns1', 'no-ns', { kind: 'ClusterRole', name: 'r' }, ['ServiceAccount::builder']),
    clusterRoleBinding('crb-no-ns', 'r', ['ServiceAccount::orphan']),
    roleBinding('ns2', 'all-sa-ns3', { kind: 'ClusterRole', name: 'r' }, ['Group:system:serviceaccounts:ns3']),
    roleBinding('ns4', 'all-sa', { kind: 'ClusterRole', name: 'r' }, ['Group:system:serviceaccounts']),
    roleBinding('ns5', 'authd', { kind: 'ClusterRole', name: 'r' }, ['Group:system:authenticated']),
    roleBinding('ns6', 'as-user', { kind: 'ClusterRole', name: 'r' }, ['User:system:serviceaccount:ns1:named']),
  ]);
  const rows: [string, Attributes, boolean][] = [
    ['ServiceAccount:ns1:builder', r('get', 'configmaps', 'ns1'), true], // namespace defaulted to the RoleBinding's
    ['ServiceAccount:ns2:builder', r('get', 'configmaps', 'ns1'), false],
    ['ServiceAccount:ns1:orphan', r('get', 'configmaps', 'ns1'), false], // CRB cannot default a namespace
    ['ServiceAccount:ns3:anyone', r('get', 'configmaps', 'ns2'), true],
    ['ServiceAccount:ns1:anyone', r('get', 'configmaps', 'ns2'), false],
    ['ServiceAccount:ns9:x', r('get', 'configmaps', 'ns4'), true],
    ['User:human', r('get', 'configmaps', 'ns4'), false],
    ['ServiceAccount:ns9:x', r('get', 'configmaps', 'ns5'), true],
    ['User:human', r('get', 'configmaps', 'ns5'), true], // authenticated users carry system:authenticated
    ['ServiceAccount:ns1:named', r('get', 'configmaps', 'ns6'), true], // User subject with the SA's username
    ['ServiceAccount:ns1:other', r('get', 'configmaps', 'ns6'), false],
  ];
  for (const [s, a, want] of rows) assert.equal(authz.allows(s, a).allowed, want, `${s} ${JSON.stringify(a)}`);
  assert.ok(authz.problems.some((p) => p.code === 'cluster-binding-sa-without-namespace'));
});

test('user and group matching is exact; unknown subject kinds match nobody', () => {
  const authz = buildAuthorizer([
    clusterRole('r', [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]),
    clusterRoleBinding('b', 'r', ['User:foo', 'Group:bar', 'Robot:foo']),
  ]);
  assert.equal(authz.allows('User:foo', r('get', 'pods', 'x')).allowed, true);
  assert.equal(authz.allows('User:Foo', r('get', 'pods', 'x')).allowed, false);
  assert.equal(authz.allows('User:bar', r('get', 'pods', 'x')).allowed, false);
  assert.equal(authz.allows({ name: 'zed', groups: ['bar'] }, r('get', 'pods', 'x')).allowed, true);
  assert.equal(authz.allows({ name: 'zed', groups: ['baz'] }, r('get', 'pods', 'x')).allowed, false);
});

test('user-to-groups map gives humans their groups', () => {
  const objs = [clusterRole('r', [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]), clusterRoleBinding('b', 'r', ['Group:sre'])];
  assert.equal(buildAuthorizer(objs).allows('User:ann', r('get', 'pods', 'x')).allowed, false);
  assert.equal(buildAuthorizer(objs, { userGroups: { ann: ['sre'] } }).allows('User:ann', r('get', 'pods', 'x')).allowed, true);
});

test('system:masters bypasses RBAC; other groups do not', () => {
  const authz = buildAuthorizer([]);
  assert.equal(authz.allows({ name: 'x', groups: ['system:masters'] }, r('delete', 'nodes')).allowed, true);
  assert.equal(authz.allows('Group:system:masters', { verb: 'get', nonResourceURL: '/metrics' }).allowed, true);
  assert.equal(authz.allows({ name: 'x', groups: ['system:master'] }, r('delete', 'nodes')).allowed, false);
});

test('nonResourceURLs are effective only through ClusterRoleBindings', () => {
  const authz = buildAuthorizer([
    clusterRole('metrics', [{ verbs: ['get'], nonResourceURLs: ['/metrics', '/logs/*'] }]),
    clusterRoleBinding('crb', 'metrics', ['User:prom']),
    roleBinding('ns1', 'rb', { kind: 'ClusterRole', name: 'metrics' }, ['User:local']),
  ]);
  assert.equal(authz.allows('User:prom', { verb: 'get', nonResourceURL: '/metrics' }).allowed, true);
  assert.equal(authz.allows('User:prom', { verb: 'get', nonResourceURL: '/logs/kube' }).allowed, true);
  assert.equal(authz.allows('User:prom', { verb: 'post', nonResourceURL: '/metrics' }).allowed, false);
  assert.equal(authz.allows('User:local', { verb: 'get', nonResourceURL: '/metrics' }).allowed, false);
});

test('invalid roleRefs grant nothing and are reported', () => {
  const objs = [
    role('ns1', 'r', [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]),
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'to-role' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }] },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'bad-group', namespace: 'ns1' }, roleRef: { apiGroup: 'example.com', kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }] },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'no-ref', namespace: 'ns1' }, subjects: 'garbage' },
  ];
  const authz = buildAuthorizer(objs);
  assert.equal(authz.allows('User:u', r('get', 'pods', 'ns1')).allowed, false);
  assert.deepEqual(
    authz.problems.filter((p) => p.code === 'invalid-role-ref').map((p) => p.object).sort(),
    ['ClusterRoleBinding/to-role', 'RoleBinding/ns1/bad-group', 'RoleBinding/ns1/no-ref'],
  );
});

test('decision lists every granting binding', () => {
  const authz = buildAuthorizer([
    clusterRole('a', [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]),
    clusterRole('b', [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }]),
    clusterRoleBinding('crb', 'a', ['ServiceAccount:ci:deployer']),
    roleBinding('ci', 'rb', { kind: 'ClusterRole', name: 'b' }, ['Group:system:serviceaccounts:ci']),
  ]);
  const d = authz.allows('ServiceAccount:ci:deployer', r('get', 'pods', 'ci'));
  assert.equal(d.allowed, true);
  assert.deepEqual(d.via, [
    { binding: 'ClusterRoleBinding/crb', role: 'ClusterRole/a' },
    { binding: 'RoleBinding/ci/rb', role: 'ClusterRole/b', group: 'system:serviceaccounts:ci' },
  ]);
});

test('whoCan lists binding subjects, expands groups to known service accounts, and system:masters', () => {
  const authz = buildAuthorizer([
    serviceAccount('ci', 'deployer'),
    serviceAccount('web', 'frontend'),
    clusterRole('secret-reader', [{ verbs: ['get'], apiGroups: [''], resources: ['secrets'] }]),
    roleBinding('ci', 'rb', { kind: 'ClusterRole', name: 'secret-reader' }, ['Group:system:serviceaccounts:ci', 'User:alice']),
    roleBinding('web', 'rb', { kind: 'ClusterRole', name: 'secret-reader' }, ['User:bob']),
    clusterRoleBinding('crb', 'secret-reader', ['ServiceAccount:ops:auditor']),
  ]);
  const got = authz.whoCan(r('get', 'secrets', 'ci'));
  assert.deepEqual(
    got.map((e) => e.subject),
    ['Group:system:masters', 'Group:system:serviceaccounts:ci', 'ServiceAccount:ci:deployer', 'ServiceAccount:ops:auditor', 'User:alice'],
  );
  const deployer = got.find((e) => e.subject === 'ServiceAccount:ci:deployer');
  assert.deepEqual(deployer?.via, [{ binding: 'RoleBinding/ci/rb', role: 'ClusterRole/secret-reader', group: 'system:serviceaccounts:ci' }]);
  // Every subject who-can lists is allowed by allows(), and a denied one is not listed.
  for (const e of got) if (!e.subject.startsWith('Group:')) assert.equal(authz.allows(e.subject, r('get', 'secrets', 'ci')).allowed, true, e.subject);
  assert.equal(authz.allows('User:bob', r('get', 'secrets', 'ci')).allowed, false);
  assert.deepEqual(authz.whoCan(r('get', 'secrets', 'ci'), { expandGroups: false }).map((e) => e.subject).includes('ServiceAccount:ci:deployer'), false);
});

test('permissions: effective rules per namespace with provenance', () => {
  const authz = buildAuthorizer([
    clusterRole('view', [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]),
    role('ci', 'deploy', [{ verbs: ['create'], apiGroups: ['apps'], resources: ['deployments'] }]),
    clusterRoleBinding('all-view', 'view', ['Group:system:authenticated']),
    roleBinding('ci', 'deploy', { kind: 'Role', name: 'deploy' }, ['ServiceAccount:ci:deployer']),
    roleBinding('ci', 'missing', { kind: 'Role', name: 'nope' }, ['ServiceAccount:ci:deployer']),
  ]);
  const p = authz.permissions('ServiceAccount:ci:deployer');
  assert.equal(p.subject, 'ServiceAccount:ci:deployer');
  assert.deepEqual(p.rules.map((x) => [x.namespace, x.via.binding, x.rule.verbs.join()]), [
    ['*', 'ClusterRoleBinding/all-view', 'get'],
    ['ci', 'RoleBinding/ci/deploy', 'create'],
  ]);
  assert.deepEqual(p.problems.map((x) => x.code), ['missing-role']);
  assert.deepEqual(authz.permissions('ServiceAccount:other:x').rules.map((x) => x.via.binding), ['ClusterRoleBinding/all-view']);
});

test('subject strings are validated', () => {
  const authz = buildAuthorizer([]);
  for (const bad of ['alice', 'User:', 'ServiceAccount:ns', 'ServiceAccount::x', 'Robot:x']) {
    assert.throws(() => authz.allows(bad, r('get', 'pods')), { name: 'SubjectSyntaxError' }, bad);
  }
});

test('whoCan rows from upstream subject_locator_test', () => {
  const authz = buildAuthorizer([
    clusterRole('admin', [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]),
    clusterRoleBinding('admin', 'admin', ['User:super-admin', 'Group:super-admins']),
    role('ns1', 'admin', [{ verbs: ['get'], apiGroups: ['*'], resources: ['pods'] }]),
    roleBinding('ns1', 'admin', { kind: 'Role', name: 'admin' }, ['User:admin', 'Group:admins']),
  ]);
  const who = (verb: string, ns: string): string[] => authz.whoCan(r(verb, 'pods', ns)).map((e) => e.subject);
  const supers = ['Group:super-admins', 'Group:system:masters', 'User:super-admin'];
  assert.deepEqual(who('get', 'ns1'), ['Group:admins', ...supers.slice(0, 2), 'User:admin', 'User:super-admin']);
  assert.deepEqual(who('create', 'ns1'), supers); // the local role only grants get
  assert.deepEqual(who('get', 'ns2'), supers); // the binding only works in its namespace
  assert.deepEqual(who('get', ''), supers); // all namespaces: only cluster bindings
});
