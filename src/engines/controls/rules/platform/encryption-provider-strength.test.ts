import { testControl } from '../../tester.js';
import control from './encryption-provider-strength.js';

const config = (providers: string): string => `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
- resources: [secrets]
  providers:
${providers}`;

testControl(control, {
  valid: [
    { name: 'kms v2', yaml: config('  - kms:\n      apiVersion: v2\n      name: vault\n      endpoint: unix:///var/run/kms.sock\n') },
    { name: 'identity first is the other control\'s finding', yaml: config('  - identity: {}\n') },
  ],
  invalid: [
    {
      name: 'aescbc',
      yaml: config('  - aescbc:\n      keys:\n      - name: key1\n        secret: c2VjcmV0IGlzIHNlY3VyZSwgaXMgc2VjcmV0Lg==\n'),
      findings: [
        {
          message: 'secrets are encrypted with aescbc: aescbc keeps the key on the control plane node and is weak against padding-oracle attacks; prefer KMS v2',
          path: '/resources/0/providers/0',
          line: 6,
        },
      ],
    },
    {
      name: 'kms without apiVersion is v1',
      yaml: config('  - kms:\n      name: legacy\n      endpoint: unix:///var/run/kms.sock\n'),
      findings: [{ message: 'secrets use KMS v1, which is deprecated; use apiVersion: v2', path: '/resources/0/providers/0', line: 6 }],
    },
  ],
});
