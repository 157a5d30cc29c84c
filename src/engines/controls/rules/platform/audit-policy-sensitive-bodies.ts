import { defineControl } from '../../types.js';
import { apiGroupOf } from './lib/config-control.js';
import { AUDIT_GROUP, decidingRules, describeRequest, type ResourceRequest } from './lib/audit.js';

/** Requests whose bodies carry credentials: audit them at Metadata, never with bodies. */
const SENSITIVE: readonly ResourceRequest[] = [
  { group: '', resource: 'secrets' },
  { group: '', resource: 'configmaps' },
  { group: 'authentication.k8s.io', resource: 'tokenreviews' },
  { group: '', resource: 'serviceaccounts', subresource: 'token' },
];

export default defineControl({
  meta: {
    id: 'audit-policy-sensitive-bodies',
    title: 'Audit policy writes secret values into the audit log',
    severity: 'high',
    kinds: ['Policy'],
    frameworks: { cis: ['3.2.2'], nsa: ['audit/logging', 'network/secrets'], mitre: ['T1552'] },
    rationale:
      'At Request or RequestResponse level the audit log records request and response bodies: every Secret, token and ConfigMap value read or written ends up in the logs and wherever they are shipped.',
    remediation: 'Add a rule at level Metadata for secrets, configmaps, tokenreviews and serviceaccounts/token before any rule that logs bodies.',
  },
  check({ object, report }) {
    if (apiGroupOf(object.apiVersion) !== AUDIT_GROUP) return;
    for (const req of SENSITIVE) {
      for (const rule of decidingRules(object, req).rules) {
        if (rule.level === 'Request' || rule.level === 'RequestResponse') {
          report({ message: `rule ${rule.index} logs ${describeRequest(req)} requests at ${rule.level}, with their bodies`, path: `${rule.path}/level` });
        }
      }
    }
  },
});
