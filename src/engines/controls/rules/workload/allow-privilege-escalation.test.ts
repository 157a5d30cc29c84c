import { testControl } from '../../tester.js';
import control from './allow-privilege-escalation.js';

testControl(control, {
  valid: [
    {
      name: 'every container sets false',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  initContainers:
  - name: init
    securityContext: { allowPrivilegeEscalation: false }
  containers:
  - name: app
    securityContext:
      allowPrivilegeEscalation: false
`,
    },
    {
      name: 'windows pods are exempt',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: win }
spec:
  os: { name: windows }
  containers: [{ name: app }]
`,
    },
  ],
  invalid: [
    {
      name: 'unset on a container without securityContext, explicit true on another',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  template:
    spec:
      containers:
      - name: a
        image: a:1
      - name: b
        securityContext:
          allowPrivilegeEscalation: true
`,
      findings: [
        { message: 'container "a" does not set allowPrivilegeEscalation: false (it defaults to true)', path: '/spec/template/spec/containers/0', container: 'a', line: 8 },
        { message: 'container "b" sets allowPrivilegeEscalation to true', path: '/spec/template/spec/containers/1/securityContext/allowPrivilegeEscalation', container: 'b', line: 12 },
      ],
    },
    {
      name: 'pod-level setting does not apply; securityContext without the field',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext: { runAsNonRoot: true }
  containers:
  - name: app
    securityContext: { runAsUser: 1000 }
  ephemeralContainers:
  - name: debug
`,
      findings: [
        { message: 'container "app" does not set allowPrivilegeEscalation: false (it defaults to true)', path: '/spec/containers/0/securityContext', line: 8 },
        { message: 'container "debug" does not set allowPrivilegeEscalation: false (it defaults to true)', path: '/spec/ephemeralContainers/0', line: 10 },
      ],
    },
    {
      name: 'privileged container gets no fix (false would be rejected)',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    securityContext: { privileged: true }
`,
      findings: [{ message: 'container "app" does not set allowPrivilegeEscalation: false (it defaults to true)', path: '/spec/containers/0/securityContext', line: 7 }],
    },
  ],
});
