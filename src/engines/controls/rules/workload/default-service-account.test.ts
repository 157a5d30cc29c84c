import { testControl } from '../../tester.js';
import control from './default-service-account.js';

testControl(control, {
  valid: [
    { name: 'dedicated service account', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  serviceAccountName: web\n  containers: [{ name: a }]\n' },
    { name: 'default without any token', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  automountServiceAccountToken: false\n  containers: [{ name: a }]\n' },
  ],
  invalid: [
    {
      name: 'implicit default',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly }
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{ name: a }]
`,
      findings: [{ message: 'pod runs as the "default" service account (no serviceAccountName set)', path: '/spec/jobTemplate/spec/template/spec', line: 9 }],
    },
    {
      name: 'explicit default with a projected token although automount is off',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: w }
spec:
  serviceAccountName: default
  automountServiceAccountToken: false
  containers: [{ name: a }]
  volumes:
  - name: token
    projected:
      sources:
      - serviceAccountToken: { path: token }
`,
      findings: [{ message: 'pod explicitly runs as the "default" service account', path: '/spec/serviceAccountName', line: 5 }],
    },
  ],
});
