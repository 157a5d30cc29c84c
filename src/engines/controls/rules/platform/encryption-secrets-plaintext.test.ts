import { testControl } from '../../tester.js';
import control from './encryption-secrets-plaintext.js';

const config = (resources: string): string => `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
${resources}`;

// The key below is a placeholder; the control never reads or prints key material.
const AESCBC = `  - aescbc:
      keys:
      - name: key1
        secret: c2VjcmV0IGlzIHNlY3VyZSwgaXMgc2VjcmV0Lg==
`;

testControl(control, {
  valid: [
    { name: 'kms v2 first, identity last', yaml: config(`- resources: [secrets]\n  providers:\n  - kms:\n      apiVersion: v2\n      name: vault\n      endpoint: unix:///var/run/kms.sock\n  - identity: {}\n`) },
    { name: 'aescbc for everything', yaml: config(`- resources: ["*.*"]\n  providers:\n${AESCBC}`) },
    { name: 'other API group', yaml: 'apiVersion: example.com/v1\nkind: EncryptionConfiguration\nresources: []\n' },
  ],
  invalid: [
    {
      name: 'identity first',
      yaml: config(`- resources: [secrets, configmaps]\n  providers:\n  - identity: {}\n${AESCBC}`),
      findings: [{ message: 'identity is the first provider for secrets: new Secrets are written in plain text (the providers after it only decrypt)', path: '/resources/0/providers/0', line: 6 }],
    },
    {
      name: 'identity alone',
      yaml: config(`- resources: [secrets]\n  providers:\n  - identity: {}\n`),
      findings: [{ message: 'secrets use only the identity provider: Secrets are stored in plain text', path: '/resources/0/providers/0', line: 6 }],
    },
    {
      name: 'the first entry naming secrets wins',
      yaml: config(`- resources: ["*."]\n  providers:\n  - identity: {}\n- resources: [secrets]\n  providers:\n${AESCBC}`),
      findings: [{ message: 'secrets use only the identity provider: Secrets are stored in plain text', path: '/resources/0/providers/0', line: 6 }],
    },
    {
      name: 'secrets not covered',
      yaml: config(`- resources: [configmaps]\n  providers:\n${AESCBC}`),
      findings: [{ message: 'no resources entry covers secrets, so Secrets are stored in plain text', path: '/resources', line: 4 }],
    },
  ],
});
