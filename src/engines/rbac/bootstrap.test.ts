// The bootstrap policy inside the model: what bindings to cluster-admin/admin/edit/view grant when
// the input does not define those roles, input overriding bootstrap objects, `bootstrap: false`,
// aggregation of admin/edit/view, provenance, and escalation noise from the platform's identities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAuthorizer } from './authorizer.js';
import { bootstrapObjects, CLUSTER_ROLE_BINDINGS, CLUSTER_ROLES } from './bootstrap.js';
import { analyzeEscalations, platformSubjects } from './escalation.js';
import { buildModel } from './model.js';
import { ruleAllows } from './rules.js';
import type { Attributes } from './types.js';
import { clusterRole, clusterRoleBinding, deployment, role, roleBinding, serviceAccount } from './test-fixtures.js';

const res = (verb: string, resource: string, namespace = '', extra: Partial<{ subresource: string; apiGroup: string; name: string }> = {}): Attributes => {
  const a: Attributes = { verb, resource, apiGroup: extra.apiGroup ?? '' };
  if (namespace) a.namespace = namespace;
  if (extra.subresource) a.subresource = extra.subresource;
  if (extra.name) a.name = extra.name;
  return a;
};

test('bootstrap data: every object is well formed and every binding resolves', () => {
  const names = CLUSTER_ROLES.map((r) => r.name);
  assert.equal(new Set(names).size, names.length, 'no duplicate ClusterRoles');
  for (const required of ['cluster-admin', 'admin', 'edit', 'view', 'system:aggregate-to-admin', 'system:aggregate-to-edit', 'system:aggregate-to-view', 'system:basic-user', 'system:discovery', 'system:public-info-viewer', 'system:node', 'system:node-proxier', 'system:kube-scheduler', 'system:kube-controller-manager', 'system:auth-delegator', 'system:heapster', 'system:monitoring', 'system:kube-dns', 'system:persistent-volume-provisioner', 'system:certificates.k8s.io:kube-apiserver-client-approver', 'system:controller:replicaset-controller']) {
    assert.ok(names.includes(required), `${required} is in the data`);
  }
  const model = buildModel([]);
  assert.deepEqual(model.problems, [], 'bootstrap alone resolves cleanly');
  assert.equal(model.bindings.length, bootstrapObjects().filter((o) => o.kind.endsWith('Binding')).length);
  assert.ok(model.bindings.every((b) => b.source === 'bootstrap' && b.objectIndex === -1 && b.rules !== undefined));
  const crb = CLUSTER_ROLE_BINDINGS.find((b) => b.name === 'cluster-admin');
  assert.deepEqual(crb?.subjects, [{ kind: 'Group', name: 'system:masters' }]);
});

const GRANT_TABLE: { role: string; scope: 'cluster' | 'namespace'; allowed: Attributes[]; denied: Attributes[] }[] = [
  {
    role: 'cluster-admin',
    scope: 'cluster',
    allowed: [res('delete', 'nodes'), res('create', 'clusterrolebindings', '', { apiGroup: 'rbac.authorization.k8s.io' }), res('get', 'secrets', 'kube-system'), { verb: 'get', nonResourceURL: '/metrics' }],
    denied: [],
  },
  {
    role: 'view',
    scope: 'namespace',
    allowed: [res('get', 'pods', 'shop'), res('list', 'deployments', 'shop', { apiGroup: 'apps' }), res('get', 'pods', 'shop', { subresource: 'log' })],
    // view never reads secrets or exec; a RoleBinding stays in its namespace.
    denied: [res('get', 'secrets', 'shop'), res('create', 'pods', 'shop', { subresource: 'exec' }), res('get', 'pods', 'other'), res('update', 'pods', 'shop')],
  },
  {
    role: 'edit',
    scope: 'namespace',
    allowed: [res('create', 'deployments', 'shop', { apiGroup: 'apps' }), res('get', 'secrets', 'shop'), res('create', 'pods', 'shop', { subresource: 'exec' }), res('get', 'pods', 'shop'), res('impersonate', 'serviceaccounts', 'shop'), res('create', 'serviceaccounts', 'shop', { subresource: 'token' })],
    denied: [res('create', 'rolebindings', 'shop', { apiGroup: 'rbac.authorization.k8s.io' }), res('create', 'localsubjectaccessreviews', 'shop', { apiGroup: 'authorization.k8s.io' }), res('create', 'pods', 'other')],
  },
  {
    role: 'admin',
    scope: 'namespace',
    allowed: [res('create', 'rolebindings', 'shop', { apiGroup: 'rbac.authorization.k8s.io' }), res('create', 'roles', 'shop', { apiGroup: 'rbac.authorization.k8s.io' }), res('create', 'deployments', 'shop', { apiGroup: 'apps' }), res('get', 'pods', 'shop')],
    denied: [res('create', 'clusterroles', '', { apiGroup: 'rbac.authorization.k8s.io' }), res('delete', 'namespaces', ''), res('get', 'secrets', 'other')],
  },
  {
    role: 'system:auth-delegator',
    scope: 'cluster',
    allowed: [res('create', 'tokenreviews', '', { apiGroup: 'authentication.k8s.io' }), res('create', 'subjectaccessreviews', '', { apiGroup: 'authorization.k8s.io' })],
    denied: [res('get', 'secrets', 'shop')],
  },
];

for (const row of GRANT_TABLE) {
  test(`a binding to bootstrap ClusterRole/${row.role} grants its rules (${row.scope} scope); without bootstrap it grants nothing`, () => {
    const binding = row.scope === 'cluster' ? clusterRoleBinding('b', row.role, ['User:alice']) : roleBinding('shop', 'b', { kind: 'ClusterRole', name: row.role }, ['User:alice']);
    const authz = buildAuthorizer([binding]);
    for (const a of row.allowed) {
      const d = authz.allows('User:alice', a);
      assert.equal(d.allowed, true, `${row.role} allows ${JSON.stringify(a)}`);
      assert.deepEqual(d.via[0], { binding: row.scope === 'cluster' ? 'ClusterRoleBinding/b' : 'RoleBinding/shop/b', role: `ClusterRole/${row.role}`, roleSource: 'bootstrap' });
      assert.match(d.reason, /ClusterRole\/.* \(bootstrap\)$/);
    }
    for (const a of row.denied) assert.equal(authz.allows('User:alice', a).allowed, false, `${row.role} denies ${JSON.stringify(a)}`);
    assert.deepEqual(authz.problems, []);

    const old = buildAuthorizer([binding], { bootstrap: false });
    for (const a of row.allowed) assert.equal(old.allows('User:alice', a).allowed, false, `--no-bootstrap: ${row.role} grants nothing`);
    assert.deepEqual(old.problems.map((p) => p.code), ['missing-role']);
  });
}

test('the input wins: an input object of the same kind and name replaces the bootstrap one', () => {
  const narrowView = clusterRole('view', [{ verbs: ['get'], apiGroups: [''], resources: ['configmaps'] }]);
  const authz = buildAuthorizer([narrowView, clusterRoleBinding('b', 'view', ['User:alice'])]);
  assert.equal(authz.allows('User:alice', res('get', 'configmaps', 'x')).allowed, true);
  assert.equal(authz.allows('User:alice', res('get', 'pods', 'x')).allowed, false, 'bootstrap view is not used');
  assert.deepEqual(authz.allows('User:alice', res('get', 'configmaps', 'x')).via, [{ binding: 'ClusterRoleBinding/b', role: 'ClusterRole/view' }]);

  // An input ClusterRoleBinding named like a bootstrap one replaces it (its subjects, its role).
  const masters = buildAuthorizer([clusterRoleBinding('system:basic-user', 'view', ['User:bob'])]);
  assert.equal(masters.allows({ name: 'carol', groups: ['system:authenticated'] }, res('create', 'selfsubjectaccessreviews', '', { apiGroup: 'authorization.k8s.io' })).allowed, false);
  assert.equal(masters.allows('User:bob', res('get', 'pods', 'x')).allowed, true);
  assert.equal(masters.model.bindings.filter((b) => b.id === 'ClusterRoleBinding/system:basic-user').length, 1);

  // A kube-system Role of the same namespace and name replaces the bootstrap Role; other namespaces do not.
  const model = buildModel([role('kube-system', 'extension-apiserver-authentication-reader', []), role('other', 'system:controller:token-cleaner', [])]);
  assert.deepEqual(model.roles.get('Role/kube-system/extension-apiserver-authentication-reader'), []);
  assert.ok(!model.bootstrapRoles.has('Role/kube-system/extension-apiserver-authentication-reader'));
  assert.ok(model.bootstrapRoles.has('Role/kube-system/system:controller:token-cleaner'));
});

test('aggregation: admin ⊇ edit ⊇ view from the aggregate-to roles, and input roles aggregate into them', () => {
  const crd = clusterRole('widgets-view', [{ verbs: ['get', 'list'], apiGroups: ['example.com'], resources: ['widgets'] }], { labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } });
  const model = buildModel([crd]);
  const view = model.roles.get('ClusterRole/view') ?? [];
  const edit = model.roles.get('ClusterRole/edit') ?? [];
  const admin = model.roles.get('ClusterRole/admin') ?? [];
  const widgets = res('get', 'widgets', 'x', { apiGroup: 'example.com' });
  for (const [name, rules] of [['view', view], ['edit', edit], ['admin', admin]] as const) {
    assert.ok(rules.some((r) => ruleAllows(widgets, r)), `${name} includes the CRD role`);
    assert.ok(rules.some((r) => ruleAllows(res('list', 'pods', 'x'), r)), `${name} includes system:aggregate-to-view`);
  }
  assert.ok(edit.length > view.length && admin.length > edit.length);
  assert.ok(!view.some((r) => ruleAllows(res('get', 'secrets', 'x'), r)));
  assert.ok(edit.some((r) => ruleAllows(res('get', 'secrets', 'x'), r)) && !edit.some((r) => ruleAllows(res('create', 'roles', 'x', { apiGroup: 'rbac.authorization.k8s.io' }), r)));
  // Overriding an aggregate-to role changes the aggregates built from it.
  const noEdit = buildModel([clusterRole('system:aggregate-to-edit', [], { labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } })]);
  assert.ok(!(noEdit.roles.get('ClusterRole/edit') ?? []).some((r) => ruleAllows(res('get', 'secrets', 'x'), r)));
  assert.ok((noEdit.roles.get('ClusterRole/edit') ?? []).some((r) => ruleAllows(res('get', 'pods', 'x'), r)), 'edit still aggregates view');
});

test('who-can names bootstrap subjects with provenance, as the API server would answer', () => {
  const authz = buildAuthorizer([serviceAccount('shop', 'web')]);
  const healthz = authz.whoCan({ verb: 'get', nonResourceURL: '/healthz' });
  const byName = new Map(healthz.map((e) => [e.subject, e.via]));
  assert.deepEqual(byName.get('Group:system:unauthenticated'), [{ binding: 'ClusterRoleBinding/system:public-info-viewer', role: 'ClusterRole/system:public-info-viewer', bindingSource: 'bootstrap', roleSource: 'bootstrap' }]);
  assert.ok(byName.has('Group:system:authenticated'));
  assert.ok(byName.has('ServiceAccount:shop:web'), 'group members are expanded');
  const secrets = authz.whoCan(res('get', 'secrets', 'kube-system')).map((e) => e.subject);
  assert.ok(secrets.includes('User:system:kube-controller-manager'));
  assert.ok(secrets.includes('Group:system:masters'));
  assert.ok(!secrets.includes('ServiceAccount:shop:web'));
  assert.deepEqual(buildAuthorizer([], { bootstrap: false }).whoCan({ verb: 'get', nonResourceURL: '/healthz' }).map((e) => e.subject), ['Group:system:masters']);
});

test('escalations: create pods -> a service account bound to bootstrap cluster-admin (2 steps); platform identities are not sources by default', () => {
  const objects = [
    serviceAccount('ci', 'deployer'),
    deployment('shop', 'checkout', 'checkout'),
    role('shop', 'deploy', [{ verbs: ['create'], apiGroups: [''], resources: ['pods'] }]),
    roleBinding('shop', 'deployer', { kind: 'Role', name: 'deploy' }, ['ServiceAccount:ci:deployer']),
    clusterRoleBinding('checkout-admin', 'cluster-admin', ['ServiceAccount:shop:checkout']),
  ];
  const paths = analyzeEscalations(buildAuthorizer(objects)).paths;
  const p = paths.find((x) => x.from === 'ServiceAccount:ci:deployer' && x.impact === 'cluster-admin');
  assert.ok(p, 'path found');
  assert.equal(p.steps.length, 2);
  assert.equal(p.steps[0]?.becomes, 'ServiceAccount:shop:checkout');
  assert.deepEqual(p.steps[1]?.grantedBy, { binding: 'ClusterRoleBinding/checkout-admin', role: 'ClusterRole/cluster-admin', roleSource: 'bootstrap' });
  assert.equal(p.remediation.binding, 'RoleBinding/shop/deployer');
  assert.ok(!paths.some((x) => x.from.startsWith('User:system:') || x.from.startsWith('Group:system:') || x.from.startsWith('ServiceAccount:kube-system:')), 'no platform sources');

  assert.ok(!analyzeEscalations(buildAuthorizer(objects, { bootstrap: false })).paths.some((x) => x.from === 'ServiceAccount:ci:deployer' && x.impact === 'cluster-admin'), 'without bootstrap cluster-admin grants nothing');

  const all = analyzeEscalations(buildAuthorizer(objects), { includeSystem: true }).paths;
  const masters = all.find((x) => x.from === 'Group:system:masters' && x.impact === 'cluster-admin');
  assert.equal(masters?.steps.length, 1);
  // The aggregation controller may escalate + update every ClusterRole: the platform's own path.
  assert.ok(all.some((x) => x.from === 'ServiceAccount:kube-system:clusterrole-aggregation-controller' && x.impact === 'cluster-admin'));
});

test('platformSubjects: named only by bootstrap bindings; a subject also bound by the input is not the platform\'s', () => {
  const model = buildModel([clusterRoleBinding('readers', 'view', ['Group:system:authenticated'])]);
  const platform = platformSubjects(model.bindings);
  assert.ok(platform.has('Group:system:masters'));
  assert.ok(platform.has('User:system:kube-scheduler'));
  assert.ok(platform.has('ServiceAccount:kube-system:replicaset-controller'));
  assert.ok(platform.has('Group:system:unauthenticated'));
  assert.ok(!platform.has('Group:system:authenticated'));
});

test('creating pods in kube-system reaches cluster-admin through the bootstrap controller accounts', () => {
  const objects = [roleBinding('kube-system', 'ops', { kind: 'ClusterRole', name: 'edit' }, ['User:ops'])];
  const p = analyzeEscalations(buildAuthorizer(objects)).paths.find((x) => x.from === 'User:ops' && x.impact === 'cluster-admin');
  assert.ok(p, 'edit in kube-system is cluster-admin');
  assert.ok(p.steps[0]?.becomes.startsWith('ServiceAccount:kube-system:'), p.steps[0]?.becomes);
  assert.equal(p.remediation.binding, 'RoleBinding/kube-system/ops');
  assert.ok(!analyzeEscalations(buildAuthorizer(objects, { bootstrap: false })).paths.some((x) => x.from === 'User:ops' && x.impact === 'cluster-admin'));
});

test('remediation never edits a bootstrap role: a group\'s own path removes the group from the binding', () => {
  const objects = [clusterRoleBinding('oncall-admin', 'cluster-admin', ['Group:oncall']), clusterRoleBinding('everyone', 'edit', ['Group:system:authenticated']), serviceAccount('shop', 'web')];
  const paths = analyzeEscalations(buildAuthorizer(objects)).paths;
  const own = paths.find((p) => p.from === 'Group:oncall' && p.impact === 'cluster-admin');
  assert.deepEqual(own?.remediation, { kind: 'remove-subject', binding: 'ClusterRoleBinding/oncall-admin', role: 'ClusterRole/cluster-admin', subject: 'Group:oncall', description: 'remove Group:oncall from the subjects of ClusterRoleBinding/oncall-admin' });
  // A member reached through a group bound to a bootstrap role: remove the group, not the role's rule.
  const member = paths.find((p) => p.from === 'ServiceAccount:shop:web' && p.impact === 'secrets');
  assert.equal(member?.remediation.kind, 'remove-subject');
  assert.equal(member?.remediation.subject, 'Group:system:authenticated');
  assert.equal(member?.remediation.binding, 'ClusterRoleBinding/everyone');
});
