import { testControl } from '../../tester.js';
import control from './run-as-root-group.js';

testControl(control, {
  valid: [
    {
      name: 'container overrides a root pod group',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext: { runAsGroup: 0, fsGroup: 2000, supplementalGroups: [3000] }
  containers:
  - name: app
    securityContext: { runAsGroup: 1000 }
`,
    },
    { name: 'unset', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  containers: [{ name: a }]\n' },
  ],
  invalid: [
    {
      name: 'inherited runAsGroup 0, fsGroup 0 and supplemental 0',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    runAsGroup: 0
    fsGroup: 0
    supplementalGroups: [10, 0]
  containers:
  - name: app
`,
      findings: [
        { message: 'container "app" runs with the root group: the pod securityContext sets runAsGroup 0', path: '/spec/securityContext/runAsGroup', line: 6 },
        { message: 'pod sets fsGroup 0 (volumes are owned by the root group)', path: '/spec/securityContext/fsGroup', line: 7 },
        { message: 'pod adds the root group 0 to supplementalGroups', path: '/spec/securityContext/supplementalGroups/1', line: 8 },
      ],
    },
  ],
});
