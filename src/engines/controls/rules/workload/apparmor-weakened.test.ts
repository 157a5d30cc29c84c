import { testControl } from '../../tester.js';
import control from './apparmor-weakened.js';

testControl(control, {
  valid: [
    {
      name: 'runtime default field and annotation',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: runtime/default
spec:
  securityContext:
    appArmorProfile: { type: RuntimeDefault }
  containers:
  - name: app
`,
    },
    {
      name: 'pod Unconfined overridden by the container',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    appArmorProfile: { type: Unconfined }
  containers:
  - name: app
    securityContext:
      appArmorProfile: { type: Localhost, localhostProfile: k8s-app }
`,
    },
  ],
  invalid: [
    {
      name: 'annotation on a Deployment template and an Unconfined container field',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: unconfined
    spec:
      containers:
      - name: app
      - name: side
        securityContext:
          appArmorProfile:
            type: Unconfined
`,
      findings: [
        { message: 'container "app" runs AppArmor unconfined (annotation container.apparmor.security.beta.kubernetes.io/app)', path: '/spec/template/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1app', line: 8 },
        { message: 'container "side" runs AppArmor Unconfined', path: '/spec/template/spec/containers/1/securityContext/appArmorProfile/type', line: 15 },
      ],
    },
  ],
});
