import { testControl } from '../../tester.js';
import control from './run-as-root.js';

testControl(control, {
  valid: [
    {
      name: 'pod-level runAsNonRoot covers containers',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext: { runAsNonRoot: true }
  initContainers: [{ name: init }]
  containers: [{ name: app }]
`,
    },
    {
      name: 'non-zero runAsUser without runAsNonRoot really runs as non-root',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext: { runAsUser: 1000 }
  containers:
  - name: app
    securityContext: { runAsNonRoot: false }
`,
    },
    {
      name: 'container runAsNonRoot overrides a pod false',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext: { runAsNonRoot: false }
  containers:
  - name: app
    securityContext: { runAsNonRoot: true }
`,
    },
  ],
  invalid: [
    {
      name: 'container runAsUser 0 overrides a non-root pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    runAsUser: 1000
  containers:
  - name: app
    securityContext:
      runAsUser: 0
`,
      findings: [{ message: 'container "app" runs as root: it sets runAsUser 0', path: '/spec/containers/0/securityContext/runAsUser', severity: 'high', line: 10 }],
    },
    {
      name: 'pod runAsUser 0 inherited, contradicted by runAsNonRoot',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    runAsUser: 0
    runAsNonRoot: true
  containers:
  - name: app
`,
      findings: [
        {
          message: 'container "app" is set to run as root: the pod securityContext sets runAsUser 0 (runAsNonRoot: true makes the kubelet refuse to start it)',
          path: '/spec/securityContext/runAsUser',
          line: 6,
        },
      ],
    },
    {
      name: 'nothing set, explicit false at pod level, explicit false at container level',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: false
      containers:
      - name: a
        securityContext:
          runAsNonRoot: false
      - name: b
      ephemeralContainers:
      - name: dbg
        securityContext: { privileged: false }
`,
      findings: [
        { message: 'container "a" may run as root: runAsNonRoot is false and no non-zero runAsUser is set', path: '/spec/template/spec/containers/0/securityContext/runAsNonRoot', line: 12, severity: 'medium' },
        { message: 'container "b" may run as root: runAsNonRoot is false in the pod securityContext and no non-zero runAsUser is set', path: '/spec/template/spec/securityContext/runAsNonRoot', line: 8 },
        { message: 'container "dbg" may run as root: runAsNonRoot is false in the pod securityContext and no non-zero runAsUser is set', path: '/spec/template/spec/securityContext/runAsNonRoot' },
      ],
    },
    {
      name: 'nothing set anywhere',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    securityContext: { privileged: false }
`,
      findings: [{ message: 'container "app" may run as root: neither runAsNonRoot: true nor a non-zero runAsUser is set', path: '/spec/containers/0/securityContext', line: 7 }],
    },
  ],
});
