import { testControl } from '../../tester.js';
import control from './audit-policy-sensitive-bodies.js';
import { auditPolicy, GOOD_POLICY } from './lib/fixtures-audit.js';

testControl(control, {
  valid: [
    { name: 'metadata for secrets first', yaml: GOOD_POLICY },
    { name: 'metadata catch-all only', yaml: auditPolicy('- level: Metadata\n') },
    { name: 'bodies only for another group', yaml: auditPolicy('- level: RequestResponse\n  resources:\n  - group: apps\n- level: Metadata\n') },
  ],
  invalid: [
    {
      name: 'catch-all with bodies',
      yaml: auditPolicy('- level: RequestResponse\n'),
      findings: [
        { message: 'rule 0 logs secrets requests at RequestResponse, with their bodies', path: '/rules/0/level', line: 4 },
        { message: 'rule 0 logs configmaps requests at RequestResponse, with their bodies', path: '/rules/0/level', line: 4 },
        { message: 'rule 0 logs tokenreviews.authentication.k8s.io requests at RequestResponse, with their bodies', path: '/rules/0/level', line: 4 },
        { message: 'rule 0 logs serviceaccounts/token requests at RequestResponse, with their bodies', path: '/rules/0/level', line: 4 },
      ],
    },
    {
      name: 'a conditional rule before the metadata rule still leaks',
      yaml: auditPolicy(`- level: Request
  userGroups: ["system:serviceaccounts"]
  resources:
  - group: ""
    resources: ["secrets"]
- level: Metadata
`),
      findings: [{ message: 'rule 0 logs secrets requests at Request, with their bodies', path: '/rules/0/level', line: 4 }],
    },
    {
      name: 'the whole core group',
      yaml: auditPolicy(`- level: Metadata
  resources:
  - group: ""
    resources: ["secrets", "configmaps"]
- level: Request
  resources:
  - group: ""
- level: Metadata
`),
      findings: [{ message: 'rule 1 logs serviceaccounts/token requests at Request, with their bodies', path: '/rules/1/level', line: 8 }],
    },
  ],
});
