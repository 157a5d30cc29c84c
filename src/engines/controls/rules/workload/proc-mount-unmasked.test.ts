import { testControl } from '../../tester.js';
import control from './proc-mount-unmasked.js';

testControl(control, {
  valid: [
    { name: 'Default', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  containers:\n  - name: a\n    securityContext: { procMount: Default }\n' },
    {
      name: 'Unmasked in a user-namespaced pod',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  hostUsers: false\n  containers:\n  - name: a\n    securityContext: { procMount: Unmasked }\n',
    },
  ],
  invalid: [
    {
      name: 'Unmasked',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: a
    securityContext:
      procMount: Unmasked
`,
      findings: [{ message: 'container "a" sets procMount "Unmasked"', path: '/spec/containers/0/securityContext/procMount', line: 8 }],
    },
  ],
});
