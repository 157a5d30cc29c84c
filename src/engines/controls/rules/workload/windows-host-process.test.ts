import { testControl } from '../../tester.js';
import control from './windows-host-process.js';

testControl(control, {
  valid: [
    {
      name: 'windows pod without hostProcess',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: win }
spec:
  os: { name: windows }
  securityContext:
    windowsOptions: { runAsUserName: "ContainerUser", hostProcess: false }
  containers: [{ name: a }]
`,
    },
  ],
  invalid: [
    {
      name: 'pod and container hostProcess',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  template:
    spec:
      hostNetwork: true
      securityContext:
        windowsOptions:
          hostProcess: true
      containers:
      - name: a
        securityContext:
          windowsOptions: { hostProcess: true }
`,
      findings: [
        { message: 'pod runs as a Windows HostProcess pod', path: '/spec/template/spec/securityContext/windowsOptions/hostProcess', severity: 'critical', line: 10 },
        { message: 'container "a" runs as a Windows HostProcess container', path: '/spec/template/spec/containers/0/securityContext/windowsOptions/hostProcess', line: 14 },
      ],
    },
  ],
});
