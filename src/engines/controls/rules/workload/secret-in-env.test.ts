import { testControl } from '../../tester.js';
import control from './secret-in-env.js';

testControl(control, {
  valid: [
    {
      name: 'configmap refs and secret volume',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: w }
spec:
  containers:
  - name: a
    env:
    - name: MODE
      valueFrom: { configMapKeyRef: { name: cfg, key: mode } }
    envFrom:
    - configMapRef: { name: cfg }
    volumeMounts: [{ name: creds, mountPath: /creds, readOnly: true }]
  volumes:
  - { name: creds, secret: { secretName: creds } }
`,
    },
  ],
  invalid: [
    {
      name: 'secretKeyRef and envFrom secretRef',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: w }
spec:
  containers:
  - name: a
    env:
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef: { name: db, key: password }
    envFrom:
    - secretRef:
        name: api-keys
`,
      findings: [
        { message: 'container "a" reads key "password" of secret "db" into env var "DB_PASSWORD"', path: '/spec/containers/0/env/0/valueFrom/secretKeyRef', line: 10 },
        { message: 'container "a" loads every key of secret "api-keys" into its environment', path: '/spec/containers/0/envFrom/0/secretRef', line: 13 },
      ],
    },
  ],
});
