import { testControl } from '../../tester.js';
import control from './host-ipc.js';

testControl(control, {
  valid: [
    { name: 'unset', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers: [{ name: app }]\n' },
    { name: 'false', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  hostIPC: false\n  containers: [{ name: app }]\n' },
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
      hostIPC: true
      containers: [{ name: agent }]
`,
      findings: [{ message: 'pod shares the host IPC namespace (hostIPC: true)', path: '/spec/template/spec/hostIPC', line: 7 }],
    },
  ],
});
