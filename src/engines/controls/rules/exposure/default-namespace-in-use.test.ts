import { testControl } from '../../tester.js';
import control from './default-namespace-in-use.js';

testControl(control, {
  valid: [
    { name: 'own namespace', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w, namespace: shop }\nspec:\n  containers: [{ name: a }]\n' },
    { name: 'no namespace (applied with -n)', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  containers: [{ name: a }]\n' },
    { name: 'the API server\'s own kubernetes Service', yaml: 'apiVersion: v1\nkind: Service\nmetadata: { name: kubernetes, namespace: default }\nspec: {}\n' },
  ],
  invalid: [
    {
      name: 'deployment and service in default',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: default
spec: {}
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: default }
spec: {}
`,
      findings: [
        { message: 'Deployment "api" is in the default namespace', path: '/metadata/namespace', line: 5 },
        { message: 'Service "api" is in the default namespace', path: '/metadata/namespace', line: 10 },
      ],
    },
  ],
});
