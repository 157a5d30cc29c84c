import { testControl } from '../../tester.js';
import control from './host-pid.js';

testControl(control, {
  valid: [
    { name: 'unset', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers: [{ name: app }]\n' },
    { name: 'false', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  hostPID: false\n  containers: [{ name: app }]\n' },
  ],
  invalid: [
    {
      name: 'DaemonSet pod template',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: ops }
spec:
  template:
    spec:
      hostPID: true
      containers: [{ name: agent }]
`,
      findings: [{ message: 'pod shares the host PID namespace (hostPID: true)', path: '/spec/template/spec/hostPID', line: 7 }],
    },
  ],
});
