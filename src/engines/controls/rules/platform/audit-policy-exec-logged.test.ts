import { testControl } from '../../tester.js';
import control from './audit-policy-exec-logged.js';
import { auditPolicy, GOOD_POLICY } from './lib/fixtures-audit.js';

testControl(control, {
  valid: [
    { name: 'explicit exec rule', yaml: GOOD_POLICY },
    { name: 'catch-all metadata', yaml: auditPolicy('- level: Metadata\n') },
  ],
  invalid: [
    {
      name: 'pods/* dropped',
      yaml: auditPolicy(`- level: None
  resources:
  - group: ""
    resources: ["pods/*"]
- level: Metadata
`),
      findings: [
        { message: 'rule 0 drops pods/exec requests (level None)', path: '/rules/0/level', line: 4 },
        { message: 'rule 0 drops pods/attach requests (level None)', path: '/rules/0/level', line: 4 },
        { message: 'rule 0 drops pods/portforward requests (level None)', path: '/rules/0/level', line: 4 },
      ],
    },
    {
      name: 'only pods logged, subresources unmatched',
      yaml: auditPolicy(`- level: Metadata
  resources:
  - group: ""
    resources: ["pods"]
`),
      findings: [
        { message: 'no rule matches every pods/exec request, so some are not audited', path: '/rules', line: 4 },
        { message: 'no rule matches every pods/attach request, so some are not audited', path: '/rules', line: 4 },
        { message: 'no rule matches every pods/portforward request, so some are not audited', path: '/rules', line: 4 },
      ],
    },
    {
      name: 'dropped for a group of users',
      yaml: auditPolicy(`- level: None
  userGroups: ["system:authenticated"]
  resources:
  - group: ""
    resources: ["*/exec"]
- level: Metadata
`),
      findings: [{ message: 'rule 0 drops pods/exec requests (level None) (for the requests it selects)', path: '/rules/0/level', line: 4 }],
    },
  ],
});
