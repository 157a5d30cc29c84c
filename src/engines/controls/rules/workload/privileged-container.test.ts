import { testControl } from '../../tester.js';
import control from './privileged-container.js';

const pod = (sc: string, kind = 'Pod'): string => `apiVersion: v1
kind: ${kind}
metadata: { name: web, namespace: shop }
spec:
  containers:
  - name: app
    image: nginx:1.27
${sc}`;

testControl(control, {
  valid: [
    { name: 'no security context', yaml: pod('') },
    { name: 'privileged false', yaml: pod('    securityContext:\n      privileged: false\n') },
    {
      name: 'deployment without privilege',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  template:
    spec:
      containers: [{ name: api, image: "api:1" }]
`,
    },
  ],
  invalid: [
    {
      name: 'privileged pod',
      yaml: pod('    securityContext:\n      privileged: true\n'),
      findings: [{ message: 'container "app" runs privileged', path: '/spec/containers/0/securityContext/privileged', container: 'app', line: 9 }],
    },
    {
      name: 'privileged init and ephemeral containers of a CronJob',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: { name: backup }
spec:
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
          - name: setup
            securityContext: { privileged: true }
          containers:
          - name: main
          ephemeralContainers:
          - name: debug
            securityContext:
              privileged: true
`,
      findings: [
        { message: 'container "setup" runs privileged', path: '/spec/jobTemplate/spec/template/spec/initContainers/0/securityContext/privileged', line: 11 },
        { message: 'container "debug" runs privileged', path: '/spec/jobTemplate/spec/template/spec/ephemeralContainers/0/securityContext/privileged', line: 17 },
      ],
    },
  ],
});
