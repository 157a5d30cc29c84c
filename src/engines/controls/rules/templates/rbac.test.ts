import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleAllows } from './rbac.js';
import type { PolicyRule } from './rbac.js';

const rule = (r: Partial<PolicyRule>): PolicyRule => ({ apiGroups: [''], resources: [], verbs: [], resourceNames: [], nonResourceURLs: [], ...r });

// Cases follow the authorizer's RuleAllows semantics (plugin/pkg/auth/authorizer/rbac).
const cases: { name: string; rule: PolicyRule; verb: string; group: string; resource: string; allowed: boolean }[] = [
  { name: 'exact match', rule: rule({ resources: ['pods'], verbs: ['get'] }), verb: 'get', group: '', resource: 'pods', allowed: true },
  { name: 'verb wildcard', rule: rule({ resources: ['pods'], verbs: ['*'] }), verb: 'create', group: '', resource: 'pods', allowed: true },
  { name: 'wrong group', rule: rule({ apiGroups: ['apps'], resources: ['pods'], verbs: ['get'] }), verb: 'get', group: '', resource: 'pods', allowed: false },
  { name: 'group wildcard', rule: rule({ apiGroups: ['*'], resources: ['deployments'], verbs: ['create'] }), verb: 'create', group: 'apps', resource: 'deployments', allowed: true },
  { name: 'resource wildcard covers subresources', rule: rule({ resources: ['*'], verbs: ['get'] }), verb: 'get', group: '', resource: 'nodes/proxy', allowed: true },
  { name: 'resource does not cover its subresources', rule: rule({ resources: ['nodes'], verbs: ['get'] }), verb: 'get', group: '', resource: 'nodes/proxy', allowed: false },
  { name: '*/subresource', rule: rule({ resources: ['*/proxy'], verbs: ['get'] }), verb: 'get', group: '', resource: 'nodes/proxy', allowed: true },
  { name: 'pods/* is not a wildcard', rule: rule({ resources: ['nodes/*'], verbs: ['get'] }), verb: 'get', group: '', resource: 'nodes/proxy', allowed: false },
  { name: 'resourceNames never allow create', rule: rule({ resources: ['pods'], verbs: ['create'], resourceNames: ['x'] }), verb: 'create', group: '', resource: 'pods', allowed: false },
  { name: 'resourceNames allow named get', rule: rule({ resources: ['secrets'], verbs: ['get'], resourceNames: ['x'] }), verb: 'get', group: '', resource: 'secrets', allowed: true },
  { name: 'verbs are case-sensitive', rule: rule({ resources: ['pods'], verbs: ['Create'] }), verb: 'create', group: '', resource: 'pods', allowed: false },
];

for (const c of cases) {
  test(`ruleAllows: ${c.name}`, () => assert.equal(ruleAllows(c.rule, c.verb, c.group, c.resource), c.allowed));
}
