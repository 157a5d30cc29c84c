import { testControl } from '../../tester.js';
import control from './unsafe-sysctls.js';

testControl(control, {
  valid: [
    {
      name: 'safe sysctls, one written with slashes',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    sysctls:
    - { name: net.ipv4.ip_local_port_range, value: "1024 65535" }
    - { name: net/ipv4/tcp_syncookies, value: "1" }
  containers: [{ name: a }]
`,
    },
  ],
  invalid: [
    {
      name: 'kernel and vlan interface sysctls',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    sysctls:
    - name: kernel.msgmax
      value: "65536"
    - name: net/ipv4/conf/eth0.100/rp_filter
      value: "0"
  containers: [{ name: a }]
`,
      findings: [
        { message: 'pod sets the unsafe sysctl kernel.msgmax', path: '/spec/securityContext/sysctls/0/name', line: 7 },
        { message: 'pod sets the unsafe sysctl net/ipv4/conf/eth0.100/rp_filter', path: '/spec/securityContext/sysctls/1/name', line: 9 },
      ],
    },
  ],
});
