import { testControl } from '../../tester.js';
import control from './read-only-root-filesystem.js';

testControl(control, {
  valid: [
    {
      name: 'read-only everywhere',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  initContainers:
  - name: init
    securityContext: { readOnlyRootFilesystem: true }
  containers:
  - name: app
    securityContext: { readOnlyRootFilesystem: true }
`,
    },
  ],
  invalid: [
    {
      name: 'unset, explicit false, and missing securityContext',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: a
    securityContext:
      readOnlyRootFilesystem: false
  - name: b
    securityContext: { runAsUser: 1 }
  - name: c
`,
      findings: [
        { message: 'container "a" sets readOnlyRootFilesystem to false', path: '/spec/containers/0/securityContext/readOnlyRootFilesystem', line: 8 },
        { message: 'container "b" does not set readOnlyRootFilesystem: true', path: '/spec/containers/1/securityContext', line: 10 },
        { message: 'container "c" does not set readOnlyRootFilesystem: true', path: '/spec/containers/2', line: 11 },
      ],
    },
  ],
});
