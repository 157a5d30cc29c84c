import { testControl } from '../../tester.js';
import control from './image-not-pinned-digest.js';

const digest = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

testControl(control, {
  valid: [{ name: 'pinned', yaml: `apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27@${digest}\n` }],
  invalid: [
    {
      name: 'tag only, and a malformed digest',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: w }
spec:
  initContainers:
  - name: i
    image: busybox:1.36
  containers:
  - name: a
    image: nginx@sha256:short
`,
      findings: [
        { message: 'container "i" uses image "busybox:1.36" without a digest', path: '/spec/initContainers/0/image', line: 7 },
        { message: 'container "a" uses image "nginx@sha256:short" with a malformed digest', path: '/spec/containers/0/image', line: 10 },
      ],
    },
  ],
});
