import { testControl } from '../../tester.js';
import control from './automount-service-account-token.js';

testControl(control, {
  valid: [
    { name: 'pod opts out', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  automountServiceAccountToken: false\n  containers: [{ name: a }]\n' },
    { name: 'explicit true is a declared need', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  automountServiceAccountToken: true\n  containers: [{ name: a }]\n' },
    {
      name: 'the service account opts out',
      yaml: `apiVersion: v1
kind: ServiceAccount
metadata: { name: api, namespace: shop }
automountServiceAccountToken: false
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  template:
    spec:
      serviceAccountName: api
      containers: [{ name: a }]
`,
    },
  ],
  invalid: [
    {
      name: 'nobody decides',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  template:
    spec:
      serviceAccountName: api
      containers: [{ name: a }]
`,
      findings: [{ message: 'pod automounts the token of service account "api" (automountServiceAccountToken is not false)', path: '/spec/template/spec', line: 7 }],
    },
    {
      name: 'the service account in another namespace does not count; the one here says true',
      yaml: `apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: other }
automountServiceAccountToken: false
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: default, namespace: shop }
automountServiceAccountToken: true
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop }
spec:
  containers: [{ name: a }]
`,
      findings: [
        {
          message: 'pod automounts the token of service account "default" (the ServiceAccount sets automountServiceAccountToken: true and the pod does not opt out)',
          path: '/spec',
          resource: 'web',
          line: 15,
        },
      ],
    },
  ],
});
