import { defineControl } from '../../types.js';
import { apiGroupOf } from './lib/config-control.js';
import { AUDIT_GROUP, isCatchAll, rulesOf } from './lib/audit.js';

export default defineControl({
  meta: {
    id: 'audit-policy-catch-all',
    title: 'Audit policy has no catch-all rule',
    severity: 'medium',
    kinds: ['Policy'],
    frameworks: { cis: ['3.2.2'], nsa: ['audit/logging'], mitre: ['T1562.001'] },
    rationale: 'Requests no rule matches are not audited at all; a final catch-all rule at Metadata makes sure new resources and unexpected requests leave a record.',
    remediation: 'End the rules with `- level: Metadata` (no other field).',
  },
  check({ object, report }) {
    if (apiGroupOf(object.apiVersion) !== AUDIT_GROUP) return;
    const rules = rulesOf(object);
    const catchAll = rules.find(isCatchAll);
    if (!catchAll) {
      report({ message: 'no rule matches every request, so unmatched requests are not audited', path: Array.isArray(object['rules']) ? '/rules' : '' });
    } else if (catchAll.level === 'None') {
      report({ message: `the catch-all rule ${catchAll.index} sets level None, so unmatched requests are not audited`, path: `${catchAll.path}/level` });
    }
  },
});
