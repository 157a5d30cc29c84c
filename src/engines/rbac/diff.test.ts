import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAuthorizer } from './authorizer.js';
import { diffPermissions, ruleCoversAtom } from './diff.js';
import type { PermissionAtom } from './diff.js';
import type { PolicyRule } from './types.js';
import { clusterRole, clusterRoleBinding, roleBinding } from './test-fixtures.js';

const via = { binding: 'b', role: 'r' };
const rule = (p: Partial<PolicyRule>): PolicyRule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...p });
const atom = (p: Partial<PermissionAtom>): PermissionAtom => ({ namespace: 'ns', verb: 'get', apiGroup: '', resource: 'pods', via, ...p });

test('coverage semantics (rows after upstream policy_comparator / rule_test Covers)', () => {
  const rows: [PolicyRule, PermissionAtom, boolean][] = [
    [rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }), atom({ resource: '*', verb: '*' }), true],
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }), atom({}), true],
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }), atom({ verb: '*' }), false],
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }), atom({ resource: 'pods/exec' }), false],
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['*/exec'] }), atom({ resource: 'pods/exec' }), true],
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] }), atom({ resourceName: 'a' }), true],
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] }), atom({}), false],
    [rule({ verbs: ['get'], apiGroups: [''], resources: ['pods'] }), atom({ resourceName: 'a' }), true],
    [rule({ verbs: ['get'], nonResourceURLs: ['/api/*'] }), { namespace: '*', verb: 'get', nonResourceURL: '/api/v1', via }, true],
    [rule({ verbs: ['get'], nonResourceURLs: ['/api'] }), { namespace: '*', verb: 'get', nonResourceURL: '/api/v1', via }, false],
  ];
  for (const [r, a, want] of rows) assert.equal(ruleCoversAtom(r, a), want, JSON.stringify([r, a]));
});

test('diffPermissions reports what one subject holds and the other lacks, scope-aware', () => {
  const authz = buildAuthorizer([
    clusterRole('view', [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }]),
    clusterRole('exec', [{ verbs: ['create'], apiGroups: [''], resources: ['pods/exec'] }]),
    clusterRoleBinding('a-view', 'view', ['User:a']),
    roleBinding('ns1', 'b-view', { kind: 'ClusterRole', name: 'view' }, ['User:b']),
    roleBinding('ns1', 'b-exec', { kind: 'ClusterRole', name: 'exec' }, ['User:b']),
  ]);
  const d = diffPermissions(authz.permissions('User:a'), authz.permissions('User:b'));
  assert.deepEqual(d.onlyA.map((x) => `${x.namespace} ${x.verb} ${x.resource}`), ['* get pods', '* list pods']);
  assert.deepEqual(d.onlyB.map((x) => `${x.namespace} ${x.verb} ${x.resource}`), ['ns1 create pods/exec']);
  const same = diffPermissions(authz.permissions('User:a'), authz.permissions('User:a'));
  assert.deepEqual([same.onlyA.length, same.onlyB.length], [0, 0]);
});
