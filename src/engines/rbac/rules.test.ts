// Table tests for rule matching, rows taken from upstream's TestRuleMatches (rbac_test.go) and
// extended with the subresource / resourceNames cases the issue lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFullWildcard, normalizeRule, ruleAllows } from './rules.js';
import type { Attributes, PolicyRule } from './types.js';

function rule(verbs: string[], groups: string[], resources: string[], names: string[] = []): PolicyRule {
  return { verbs, apiGroups: groups, resources, resourceNames: names, nonResourceURLs: [] };
}
function urls(verbs: string[], u: string[]): PolicyRule {
  return { verbs, apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: u };
}
function req(verb: string, group: string, resource: string, subresource = '', name = ''): Attributes {
  const a: Attributes = { verb, apiGroup: group, resource };
  if (subresource) a.subresource = subresource;
  if (name) a.name = name;
  return a;
}
function nr(verb: string, url: string): Attributes {
  return { verb, nonResourceURL: url };
}

const cases: { name: string; rule: PolicyRule; rows: [Attributes, boolean][] }[] = [
  {
    name: 'star verb, exact match other',
    rule: rule(['*'], ['group1'], ['resource1']),
    rows: [
      [req('verb1', 'group1', 'resource1'), true],
      [req('verb2', 'group1', 'resource1'), true],
      [req('verb1', 'group2', 'resource1'), false],
      [req('verb1', 'group1', 'resource2'), false],
    ],
  },
  {
    name: 'star group, exact match other',
    rule: rule(['verb1'], ['*'], ['resource1']),
    rows: [
      [req('verb1', 'group1', 'resource1'), true],
      [req('verb1', 'group2', 'resource1'), true],
      [req('verb1', 'group1', 'resource2'), false],
      [req('verb2', 'group1', 'resource1'), false],
    ],
  },
  {
    name: 'core group is the empty string, not a wildcard',
    rule: rule(['get'], [''], ['pods']),
    rows: [
      [req('get', '', 'pods'), true],
      [req('get', 'apps', 'pods'), false],
    ],
  },
  {
    name: 'star resource covers resources and subresources',
    rule: rule(['verb1'], ['group1'], ['*']),
    rows: [
      [req('verb1', 'group1', 'resource1'), true],
      [req('verb1', 'group1', 'resource2'), true],
      [req('verb1', 'group1', 'pods', 'exec'), true],
      [req('verb1', 'group2', 'resource1'), false],
      [req('verb2', 'group1', 'resource1'), false],
    ],
  },
  {
    name: 'tuple expansion',
    rule: rule(['verb1', 'verb2'], ['group1', 'group2'], ['resource1', 'resource2']),
    rows: [
      [req('verb1', 'group1', 'resource1'), true],
      [req('verb2', 'group2', 'resource2'), true],
      [req('verb1', 'group2', 'resource1'), true],
      [req('verb3', 'group1', 'resource1'), false],
    ],
  },
  {
    name: 'subresource expansion (res/sub is exact)',
    rule: rule(['*'], ['*'], ['resource1/subresource1']),
    rows: [
      [req('verb1', 'group1', 'resource1', 'subresource1'), true],
      [req('verb1', 'group2', 'resource1', 'subresource2'), false],
      [req('verb1', 'group1', 'resource2', 'subresource1'), false],
      [req('verb1', 'group1', 'resource1'), false],
    ],
  },
  {
    name: 'pods does not cover pods/exec',
    rule: rule(['create', 'get'], [''], ['pods']),
    rows: [
      [req('get', '', 'pods'), true],
      [req('create', '', 'pods', 'exec'), false],
      [req('get', '', 'pods', 'log'), false],
    ],
  },
  {
    name: '*/sub matches that subresource of any resource',
    rule: rule(['get'], ['*'], ['*/scale']),
    rows: [
      [req('get', 'apps', 'deployments', 'scale'), true],
      [req('get', 'apps', 'statefulsets', 'scale'), true],
      [req('get', 'apps', 'deployments'), false],
      [req('get', 'apps', 'deployments', 'status'), false],
      [req('get', 'apps', 'deployments', 'xscale'), false],
    ],
  },
  {
    name: 'pods/* is not a wildcard',
    rule: rule(['create'], [''], ['pods/*']),
    rows: [
      [req('create', '', 'pods', 'exec'), false],
      [req('create', '', 'pods', 'attach'), false],
      [req('create', '', 'pods'), false],
      [req('create', '', 'pods', '*'), true],
    ],
  },
  {
    name: 'resourceNames: only named requests match',
    rule: rule(['get', 'list', 'watch', 'create', 'update', 'deletecollection'], [''], ['configmaps'], ['cm1']),
    rows: [
      [req('get', '', 'configmaps', '', 'cm1'), true],
      [req('update', '', 'configmaps', '', 'cm1'), true],
      [req('get', '', 'configmaps', '', 'cm2'), false],
      // create and deletecollection requests carry no name, so they never match.
      [req('create', '', 'configmaps'), false],
      [req('deletecollection', '', 'configmaps'), false],
      // list/watch only with a metadata.name field selector (which sets the name).
      [req('list', '', 'configmaps'), false],
      [req('list', '', 'configmaps', '', 'cm1'), true],
      [req('watch', '', 'configmaps', '', 'cm1'), true],
    ],
  },
  {
    name: 'empty resourceNames matches requests with and without a name',
    rule: rule(['get', 'create'], [''], ['configmaps']),
    rows: [
      [req('get', '', 'configmaps', '', 'any'), true],
      [req('create', '', 'configmaps'), true],
    ],
  },
  {
    name: 'star nonresource, exact verb',
    rule: urls(['verb1'], ['*']),
    rows: [
      [nr('verb1', '/foo'), true],
      [nr('verb1', '/foo/bar/one'), true],
      [nr('verb2', '/foo'), false],
    ],
  },
  {
    name: 'star nonresource subpath (trailing * is a prefix)',
    rule: urls(['verb1'], ['/foo/*']),
    rows: [
      [nr('verb1', '/foo'), false],
      [nr('verb1', '/foo/bar'), true],
      [nr('verb1', '/foo/bar/one'), true],
      [nr('verb1', '/notfoo'), false],
      [nr('verb1', '/notfoo/bar'), false],
    ],
  },
  {
    name: 'trailing * without slash is a plain prefix',
    rule: urls(['get'], ['/healthz*']),
    rows: [
      [nr('get', '/healthz'), true],
      [nr('get', '/healthz/etcd'), true],
      [nr('get', '/healthzzz'), true],
      [nr('get', '/health'), false],
    ],
  },
  {
    name: 'star verb, exact nonresource',
    rule: urls(['*'], ['/foo', '/foo/bar/one']),
    rows: [
      [nr('verb1', '/foo'), true],
      [nr('verb2', '/foo/bar/one'), true],
      [nr('verb1', '/foo/bar'), false],
      [nr('verb1', '/foo/baz/one'), false],
    ],
  },
  {
    name: 'resource rules never match non-resource requests and vice versa',
    rule: rule(['*'], ['*'], ['*']),
    rows: [
      [nr('get', '/healthz'), false],
      [req('get', '', 'pods'), true],
    ],
  },
];

for (const c of cases) {
  test(`ruleAllows: ${c.name}`, () => {
    for (const [attrs, expected] of c.rows) assert.equal(ruleAllows(attrs, c.rule), expected, JSON.stringify(attrs));
  });
}

test('normalizeRule drops non-string entries and fills absent lists', () => {
  const r = normalizeRule({ verbs: ['get', 3, null], resources: 'pods' });
  assert.deepEqual(r, { verbs: ['get'], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [] });
  assert.equal(ruleAllows(req('get', '', 'pods'), r), false);
});

test('isFullWildcard', () => {
  assert.equal(isFullWildcard(rule(['*'], ['*'], ['*'])), true);
  assert.equal(isFullWildcard(rule(['*'], [''], ['*'])), false);
  assert.equal(isFullWildcard(rule(['*'], ['*'], ['*'], ['x'])), false);
});
