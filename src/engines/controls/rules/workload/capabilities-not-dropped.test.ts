import { testControl } from '../../tester.js';
import control from './capabilities-not-dropped.js';

testControl(control, {
  valid: [
    {
      name: 'drops all (any case, CAP_ prefix)',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: a
    securityContext: { capabilities: { drop: [ALL] } }
  - name: b
    securityContext: { capabilities: { drop: [cap_all] } }
`,
    },
    { name: 'windows pod', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  os: { name: windows }\n  containers: [{ name: a }]\n' },
  ],
  invalid: [
    {
      name: 'four shapes of not dropping ALL',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: none
  - name: empty-sc
    securityContext: {}
  - name: add-only
    securityContext:
      capabilities: { add: [NET_BIND_SERVICE] }
  - name: partial
    securityContext:
      capabilities:
        drop: [NET_RAW]
`,
      findings: [
        { message: 'container "none" does not drop ALL capabilities', path: '/spec/containers/0', line: 6 },
        { message: 'container "empty-sc" does not drop ALL capabilities', path: '/spec/containers/1/securityContext', line: 8 },
        { message: 'container "add-only" does not drop ALL capabilities', path: '/spec/containers/2/securityContext/capabilities', line: 11 },
        { message: 'container "partial" does not drop ALL capabilities', path: '/spec/containers/3/securityContext/capabilities/drop', line: 15 },
      ],
    },
  ],
});
