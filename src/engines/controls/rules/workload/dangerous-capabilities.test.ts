import { testControl } from '../../tester.js';
import control from './dangerous-capabilities.js';

testControl(control, {
  valid: [
    {
      name: 'drop ALL and add NET_BIND_SERVICE',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    securityContext:
      capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] }
`,
    },
    {
      name: 'dropping a dangerous capability is fine',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    securityContext:
      capabilities: { drop: [SYS_ADMIN, NET_RAW] }
`,
    },
  ],
  invalid: [
    {
      name: 'SYS_ADMIN with CAP_ prefix in lower case, NET_RAW, and a harmless one',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    securityContext:
      capabilities:
        add:
        - cap_sys_admin
        - CHOWN
        - NET_RAW
`,
      findings: [
        { message: 'container "app" adds the dangerous capability cap_sys_admin', path: '/spec/containers/0/securityContext/capabilities/add/0', severity: 'critical', line: 10 },
        { message: 'container "app" adds the dangerous capability NET_RAW', path: '/spec/containers/0/securityContext/capabilities/add/2', severity: 'high', line: 12 },
      ],
    },
    {
      name: 'custom list',
      params: { capabilities: ['CHOWN'] },
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  initContainers:
  - name: init
    securityContext: { capabilities: { add: [CHOWN] } }
`,
      findings: [{ message: 'container "init" adds the dangerous capability CHOWN', path: '/spec/initContainers/0/securityContext/capabilities/add/0', container: 'init', line: 7 }],
    },
  ],
});
