import { testControl } from '../../tester.js';
import control from './seccomp-profile.js';

testControl(control, {
  valid: [
    {
      name: 'pod RuntimeDefault inherited; container Localhost',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    seccompProfile: { type: RuntimeDefault }
  containers:
  - name: a
  - name: b
    securityContext:
      seccompProfile: { type: Localhost, localhostProfile: profiles/b.json }
`,
    },
    {
      name: 'pod Unconfined overridden by every container',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    seccompProfile: { type: Unconfined }
  containers:
  - name: a
    securityContext:
      seccompProfile: { type: RuntimeDefault }
`,
    },
  ],
  invalid: [
    {
      name: 'unset everywhere',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
      - name: a
`,
      findings: [{ message: 'container "a" has no seccomp profile (Unconfined unless the kubelet defaults to RuntimeDefault)', path: '/spec/template/spec/containers/0', line: 8 }],
    },
    {
      name: 'Unconfined at pod level and in a container overriding RuntimeDefault',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    seccompProfile:
      type: Unconfined
  containers:
  - name: a
  - name: b
    securityContext:
      seccompProfile:
        type: Unconfined
`,
      findings: [
        { message: 'container "a" runs seccomp Unconfined (set in the pod securityContext)', path: '/spec/securityContext/seccompProfile/type', severity: 'high', line: 7 },
        { message: 'container "b" runs seccomp Unconfined', path: '/spec/containers/1/securityContext/seccompProfile/type', severity: 'high', line: 13 },
      ],
    },
    {
      name: 'profile object without a type',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: a
    securityContext:
      seccompProfile: {}
`,
      findings: [{ message: 'container "a" has a seccomp profile without a valid type (null)', path: '/spec/containers/0/securityContext/seccompProfile', line: 8 }],
    },
  ],
});
