import { testControl } from '../../tester.js';
import control from './writable-host-path-mount.js';

testControl(control, {
  valid: [
    {
      name: 'read-only mount, and a writable emptyDir',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    volumeMounts:
    - { name: logs, mountPath: /host/logs, readOnly: true }
    - { name: tmp, mountPath: /tmp }
  volumes:
  - { name: logs, hostPath: { path: /var/log } }
  - { name: tmp, emptyDir: {} }
`,
    },
  ],
  invalid: [
    {
      name: 'writable sensitive mount in an init container, explicit false in another',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  initContainers:
  - name: setup
    volumeMounts:
    - name: etc
      mountPath: /host/etc
  containers:
  - name: app
    volumeMounts:
    - name: data
      mountPath: /data
      readOnly: false
  volumes:
  - { name: etc, hostPath: { path: /etc } }
  - { name: data, hostPath: { path: /srv/data } }
`,
      findings: [
        { message: 'container "setup" mounts host path "/etc" (volume "etc") writable', path: '/spec/initContainers/0/volumeMounts/0', severity: 'high', line: 8 },
        { message: 'container "app" mounts host path "/srv/data" (volume "data") writable', path: '/spec/containers/0/volumeMounts/0/readOnly', severity: 'medium', line: 15 },
      ],
    },
  ],
});
