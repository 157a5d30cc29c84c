import { testControl } from '../../tester.js';
import control from './selinux-weakened.js';

testControl(control, {
  valid: [
    {
      name: 'allowed types and a level',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    seLinuxOptions: { type: container_t, level: "s0:c123,c456" }
  containers:
  - name: app
    securityContext:
      seLinuxOptions: { type: container_init_t }
`,
    },
  ],
  invalid: [
    {
      name: 'spc_t on the pod, user and role on a container',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    seLinuxOptions:
      type: spc_t
  containers:
  - name: app
    securityContext:
      seLinuxOptions:
        user: system_u
        role: system_r
`,
      findings: [
        { message: 'pod sets the SELinux type "spc_t"', path: '/spec/securityContext/seLinuxOptions/type', severity: 'high', line: 7 },
        { message: 'container "app" sets SELinux user "system_u"', path: '/spec/containers/0/securityContext/seLinuxOptions/user', container: 'app', line: 12 },
        { message: 'container "app" sets SELinux role "system_r"', path: '/spec/containers/0/securityContext/seLinuxOptions/role', line: 13 },
      ],
    },
  ],
});
