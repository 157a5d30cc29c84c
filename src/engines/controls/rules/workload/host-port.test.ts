import { testControl } from '../../tester.js';
import control from './host-port.js';

testControl(control, {
  valid: [
    {
      name: 'container ports only, hostPort 0',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    ports:
    - containerPort: 8080
    - containerPort: 9090
      hostPort: 0
`,
    },
  ],
  invalid: [
    {
      name: 'hostPort set',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
      - name: app
        ports:
        - containerPort: 8080
          hostPort: 80
`,
      findings: [{ message: 'container "app" binds host port 80', path: '/spec/template/spec/containers/0/ports/0/hostPort', container: 'app', line: 11 }],
    },
  ],
});
