import { testControl } from '../../tester.js';
import control from './added-capabilities.js';

testControl(control, {
  valid: [
    {
      name: 'only NET_BIND_SERVICE; dangerous ones are left to dangerous-capabilities',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    securityContext:
      capabilities: { add: [NET_BIND_SERVICE, SYS_ADMIN] }
`,
    },
  ],
  invalid: [
    {
      name: 'CHOWN and a custom allow list',
      params: { allowed: ['NET_BIND_SERVICE', 'KILL'] },
      yaml: `apiVersion: batch/v1
kind: Job
metadata: { name: migrate }
spec:
  template:
    spec:
      containers:
      - name: m
        securityContext:
          capabilities:
            add: [KILL, CHOWN]
`,
      findings: [{ message: 'container "m" adds the capability CHOWN', path: '/spec/template/spec/containers/0/securityContext/capabilities/add/1', line: 11 }],
    },
  ],
});
