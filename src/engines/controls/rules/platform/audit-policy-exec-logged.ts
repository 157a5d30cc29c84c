import { defineControl } from '../../types.js';
import { apiGroupOf } from './lib/config-control.js';
import { AUDIT_GROUP, decidingRules, describeRequest, type ResourceRequest } from './lib/audit.js';

/** Interactive access to containers: always worth a record. */
const INTERACTIVE: readonly ResourceRequest[] = [
  { group: '', resource: 'pods', subresource: 'exec' },
  { group: '', resource: 'pods', subresource: 'attach' },
  { group: '', resource: 'pods', subresource: 'portforward' },
];

export default defineControl({
  meta: {
    id: 'audit-policy-exec-logged',
    title: 'Audit policy does not record exec, attach or port-forward',
    severity: 'medium',
    kinds: ['Policy'],
    frameworks: { cis: ['3.2.2'], nsa: ['audit/logging', 'audit/threat-detection'], mitre: ['T1609', 'T1562.001'] },
    rationale: 'Exec, attach and port-forward give an interactive foothold in a container; without an audit record they leave no trace.',
    remediation: 'Log pods/exec, pods/attach and pods/portforward at Metadata or above, before any rule that drops them.',
  },
  check({ object, report }) {
    if (apiGroupOf(object.apiVersion) !== AUDIT_GROUP) return;
    for (const req of INTERACTIVE) {
      const { rules, unconditional } = decidingRules(object, req);
      for (const rule of rules) {
        if (rule.level === 'None') {
          const who = rule === unconditional ? '' : ' (for the requests it selects)';
          report({ message: `rule ${rule.index} drops ${describeRequest(req)} requests (level None)${who}`, path: `${rule.path}/level` });
        }
      }
      if (!unconditional) {
        report({ message: `no rule matches every ${describeRequest(req)} request, so some are not audited`, path: Array.isArray(object['rules']) ? '/rules' : '' });
      }
    }
  },
});
