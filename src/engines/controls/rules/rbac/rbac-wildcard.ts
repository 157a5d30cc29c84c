import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { isBootstrapObject, lower, rulesOf } from '../templates/rbac.js';

const FIELDS = ['apiGroups', 'resources', 'verbs', 'nonResourceURLs'] as const;

export default defineControl({
  meta: {
    id: 'rbac-wildcard',
    title: 'Role uses wildcards',
    severity: 'medium',
    kinds: ['Role', 'ClusterRole'],
    frameworks: { cis: ['5.1.3'], nsa: ['authn/rbac'], pss: [], mitre: ['T1078', 'T1098.006'] },
    rationale:
      'A `*` grants everything that exists now and every resource, verb or API added later (CRDs included). `*` on apiGroups, resources and verbs together is cluster-admin (in a Role: namespace admin).',
    remediation: 'List the apiGroups, resources and verbs the subject needs explicitly.',
    params: {
      includeBootstrap: { type: 'boolean', description: 'Also report the RBAC default roles (label kubernetes.io/bootstrapping=rbac-defaults).', default: false },
    },
  },
  check({ object, params, report }) {
    if (!params.includeBootstrap && isBootstrapObject(object)) return;
    if (object.kind === 'ClusterRole' && object['aggregationRule'] !== undefined && object['aggregationRule'] !== null) return;
    const name = object.metadata?.name ?? '';
    for (const { rule, index } of rulesOf(object)) {
      const wild = FIELDS.filter((f) => rule[f].includes('*'));
      if (wild.length === 0) continue;
      const everything = rule.apiGroups.includes('*') && rule.resources.includes('*') && rule.verbs.includes('*');
      const base = everything ? 'critical' : 'medium';
      const field = wild[0] as (typeof FIELDS)[number];
      report({
        message: everything
          ? `${object.kind} "${name}" grants every verb on every resource of every API group (*)`
          : `${object.kind} "${name}" uses a wildcard in ${wild.join(', ')}`,
        path: joinPointer('/rules', index, field, rule[field].indexOf('*')),
        severity: object.kind === 'Role' && base === 'critical' ? lower(base) : base,
      });
    }
  },
});
