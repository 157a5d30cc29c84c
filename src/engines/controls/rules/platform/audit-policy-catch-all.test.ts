import { testControl } from '../../tester.js';
import control from './audit-policy-catch-all.js';
import { auditPolicy, GOOD_POLICY } from './lib/fixtures-audit.js';

testControl(control, {
  valid: [{ name: 'ends with metadata', yaml: GOOD_POLICY }],
  invalid: [
    {
      name: 'no catch-all',
      yaml: auditPolicy('- level: Metadata\n  resources:\n  - group: ""\n    resources: ["secrets"]\n'),
      findings: [{ message: 'no rule matches every request, so unmatched requests are not audited', path: '/rules', line: 4 }],
    },
    {
      name: 'catch-all drops',
      yaml: auditPolicy('- level: Metadata\n  resources:\n  - group: ""\n    resources: ["secrets"]\n- level: None\n'),
      findings: [{ message: 'the catch-all rule 1 sets level None, so unmatched requests are not audited', path: '/rules/1/level', line: 8 }],
    },
    {
      name: 'a user-restricted rule is not a catch-all',
      yaml: auditPolicy('- level: Metadata\n  users: ["admin"]\n'),
      findings: [{ message: 'no rule matches every request, so unmatched requests are not audited', path: '/rules', line: 4 }],
    },
  ],
});
