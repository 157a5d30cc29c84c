import { testControl } from '../../tester.js';
import control from './host-path-volume.js';

testControl(control, {
  valid: [
    {
      name: 'no hostPath volumes',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers: [{ name: app }]
  volumes:
  - name: cache
    emptyDir: {}
`,
    },
  ],
  invalid: [
    {
      name: 'one hostPath among other volumes',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  template:
    spec:
      containers: [{ name: db }]
      volumes:
      - name: cache
        emptyDir: {}
      - name: data
        hostPath:
          path: /mnt/data
          type: DirectoryOrCreate
`,
      findings: [{ message: 'volume "data" mounts the host path "/mnt/data"', path: '/spec/template/spec/volumes/1/hostPath/path', line: 13 }],
    },
  ],
});
