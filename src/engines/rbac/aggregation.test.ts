// Aggregation rows modelled on upstream's clusterroleaggregation controller tests and the
// bootstrap admin/edit/view chain (admin aggregates edit, edit aggregates view).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateClusterRoles } from './aggregation.js';
import type { ClusterRoleInput } from './aggregation.js';
import type { PolicyRule, RbacProblem } from './types.js';
import { buildAuthorizer } from './authorizer.js';
import { clusterRole, roleBinding } from './test-fixtures.js';

const rule = (verb: string, resource: string): PolicyRule => ({ verbs: [verb], apiGroups: [''], resources: [resource], resourceNames: [], nonResourceURLs: [] });
const names = (rules: PolicyRule[] | undefined): string[] => (rules ?? []).map((r) => `${r.verbs[0]}:${r.resources[0]}`);

test('no aggregation rule: rules kept as written', () => {
  const out = aggregateClusterRoles([{ name: 'a', labels: {}, rules: [rule('get', 'pods')] }]);
  assert.deepEqual(names(out.get('a')), ['get:pods']);
});

test('aggregate own rules are replaced by the union, deduplicated, sorted by source role name', () => {
  const roles: ClusterRoleInput[] = [
    { name: 'agg', labels: { foo: 'bar' }, rules: [rule('own', 'rule')], selectors: [{ matchLabels: { foo: 'bar' } }] },
    { name: 'zz', labels: { foo: 'bar' }, rules: [rule('get', 'b'), rule('get', 'a')] },
    { name: 'aa', labels: { foo: 'bar' }, rules: [rule('get', 'a')] },
    { name: 'unlabelled', labels: {}, rules: [rule('get', 'c')] },
  ];
  assert.deepEqual(names(aggregateClusterRoles(roles).get('agg')), ['get:a', 'get:b']);
});

test('multiple selectors union in selector order; empty selector list empties the role', () => {
  const roles: ClusterRoleInput[] = [
    { name: 'agg', labels: {}, rules: [], selectors: [{ matchLabels: { x: '2' } }, { matchLabels: { x: '1' } }] },
    { name: 'one', labels: { x: '1' }, rules: [rule('get', 'one')] },
    { name: 'two', labels: { x: '2' }, rules: [rule('get', 'two')] },
    { name: 'empty', labels: {}, rules: [rule('get', 'gone')], selectors: [] },
  ];
  const out = aggregateClusterRoles(roles);
  assert.deepEqual(names(out.get('agg')), ['get:two', 'get:one']);
  assert.deepEqual(names(out.get('empty')), []);
});

test('aggregates of aggregates reach a fixed point', () => {
  const roles: ClusterRoleInput[] = [
    { name: 'a-top', labels: {}, rules: [], selectors: [{ matchLabels: { tier: 'mid' } }] },
    { name: 'b-mid', labels: { tier: 'mid' }, rules: [], selectors: [{ matchLabels: { tier: 'leaf' } }] },
    { name: 'c-leaf', labels: { tier: 'leaf' }, rules: [rule('get', 'leaf')] },
  ];
  const out = aggregateClusterRoles(roles);
  assert.deepEqual(names(out.get('b-mid')), ['get:leaf']);
  assert.deepEqual(names(out.get('a-top')), ['get:leaf']);
});

test('invalid selector leaves the role unchanged and is reported', () => {
  const problems: RbacProblem[] = [];
  const out = aggregateClusterRoles(
    [
      { name: 'agg', labels: {}, rules: [rule('own', 'x')], selectors: [{ matchExpressions: [{ key: 'k', operator: 'Bogus' }] }] },
      { name: 'src', labels: { k: 'v' }, rules: [rule('get', 'y')] },
    ],
    problems,
  );
  assert.deepEqual(names(out.get('agg')), ['own:x']);
  assert.deepEqual(problems.map((p) => p.code), ['invalid-aggregation-selector']);
});

test('bootstrap chain: a CRD role labelled aggregate-to-view reaches view, edit and admin', () => {
  const L = 'rbac.authorization.k8s.io/';
  const objs = [
    clusterRole('admin', [], { aggregate: [{ matchLabels: { [`${L}aggregate-to-admin`]: 'true' } }] }),
    clusterRole('edit', [], { labels: { [`${L}aggregate-to-admin`]: 'true' }, aggregate: [{ matchLabels: { [`${L}aggregate-to-edit`]: 'true' } }] }),
    clusterRole('view', [], { labels: { [`${L}aggregate-to-edit`]: 'true' }, aggregate: [{ matchLabels: { [`${L}aggregate-to-view`]: 'true' } }] }),
    clusterRole('system:aggregate-to-admin', [{ verbs: ['create'], apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings'] }], { labels: { [`${L}aggregate-to-admin`]: 'true' } }),
    clusterRole('system:aggregate-to-edit', [{ verbs: ['create'], apiGroups: [''], resources: ['pods'] }], { labels: { [`${L}aggregate-to-edit`]: 'true' } }),
    clusterRole('system:aggregate-to-view', [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }], { labels: { [`${L}aggregate-to-view`]: 'true' } }),
    clusterRole('widgets-view', [{ verbs: ['get'], apiGroups: ['example.com'], resources: ['widgets'] }], { labels: { [`${L}aggregate-to-view`]: 'true' } }),
    roleBinding('ns', 'v', { kind: 'ClusterRole', name: 'view' }, ['User:viewer']),
    roleBinding('ns', 'e', { kind: 'ClusterRole', name: 'edit' }, ['User:editor']),
    roleBinding('ns', 'a', { kind: 'ClusterRole', name: 'admin' }, ['User:admin']),
  ];
  const authz = buildAuthorizer(objs);
  const widgets = { verb: 'get', apiGroup: 'example.com', resource: 'widgets', namespace: 'ns' };
  const createPods = { verb: 'create', apiGroup: '', resource: 'pods', namespace: 'ns' };
  const createRB = { verb: 'create', apiGroup: 'rbac.authorization.k8s.io', resource: 'rolebindings', namespace: 'ns' };
  const rows: [string, typeof widgets, boolean][] = [
    ['User:viewer', widgets, true],
    ['User:editor', widgets, true],
    ['User:admin', widgets, true],
    ['User:viewer', createPods, false],
    ['User:editor', createPods, true],
    ['User:admin', createPods, true],
    ['User:editor', createRB, false],
    ['User:admin', createRB, true],
  ];
  for (const [s, a, want] of rows) assert.equal(authz.allows(s, a).allowed, want, `${s} ${a.verb} ${a.resource}`);
});
