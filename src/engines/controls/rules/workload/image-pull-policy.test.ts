import { testControl } from '../../tester.js';
import control from './image-pull-policy.js';

testControl(control, {
  valid: [
    { name: 'Always', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    imagePullPolicy: Always\n' },
    { name: 'latest defaults to Always', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  containers:\n  - name: a\n    image: nginx\n' },
  ],
  invalid: [
    {
      name: 'defaulted IfNotPresent and explicit Never',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: w }
spec:
  containers:
  - name: a
    image: nginx:1.27
  - name: b
    image: nginx:1.27
    imagePullPolicy: Never
`,
      findings: [
        { message: 'container "a" has no imagePullPolicy; it defaults to IfNotPresent for "nginx:1.27"', path: '/spec/containers/0', line: 6 },
        { message: 'container "b" sets imagePullPolicy "Never"', path: '/spec/containers/1/imagePullPolicy', line: 10 },
      ],
    },
  ],
});
