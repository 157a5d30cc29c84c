import { testControl } from '../../tester.js';
import control from './ineffective-security-context-field.js';

testControl(control, {
  valid: [
    {
      name: 'every field at its level',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext: { runAsNonRoot: true, fsGroup: 2000 }
  containers:
  - name: app
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true }
    volumeMounts: [{ name: h, mountPath: /h, readOnly: true }]
  volumes:
  - { name: h, hostPath: { path: /srv } }
`,
    },
  ],
  invalid: [
    {
      name: 'protective container-only fields at pod level are moved; a container keeps its own value',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
      containers:
      - name: a
      - name: b
        securityContext:
          readOnlyRootFilesystem: false
`,
      findings: [
        {
          message: "allowPrivilegeEscalation has no effect in the pod securityContext: no container is protected by it; it belongs in each container's securityContext",
          path: '/spec/template/spec/securityContext/allowPrivilegeEscalation',
          severity: 'medium',
          line: 8,
        },
        {
          message: "readOnlyRootFilesystem has no effect in the pod securityContext: no container is protected by it; it belongs in each container's securityContext",
          path: '/spec/template/spec/securityContext/readOnlyRootFilesystem',
          line: 9,
        },
      ],
    },
    {
      name: 'privileged true at pod level (no fix), fsGroup in a container, hostPath readOnly',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    privileged: true
  containers:
  - name: app
    securityContext:
      fsGroup: 2000
    volumeMounts:
    - { name: h, mountPath: /h }
  volumes:
  - name: h
    hostPath:
      path: /srv
      readOnly: true
`,
      findings: [
        { message: "privileged has no effect in the pod securityContext; it belongs in each container's securityContext", path: '/spec/securityContext/privileged', severity: 'low', line: 6 },
        { message: 'fsGroup has no effect in the securityContext of container "app"; it belongs in the pod securityContext', path: '/spec/containers/0/securityContext/fsGroup', container: 'app', line: 10 },
        { message: 'readOnly under hostPath of volume "h" has no effect; only volumeMounts[].readOnly makes the mount read-only', path: '/spec/volumes/0/hostPath/readOnly', severity: 'medium', line: 17 },
      ],
    },
  ],
});
