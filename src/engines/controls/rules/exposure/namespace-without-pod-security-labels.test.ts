import { testControl } from '../../tester.js';
import control from './namespace-without-pod-security-labels.js';

testControl(control, {
  valid: [
    { name: 'restricted', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: { pod-security.kubernetes.io/enforce: restricted }\n' },
    { name: 'kube-system excluded', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: { name: kube-system }\n' },
  ],
  invalid: [
    {
      name: 'no labels, only warn, invalid, privileged',
      yaml: `apiVersion: v1
kind: Namespace
metadata: { name: a }
---
apiVersion: v1
kind: Namespace
metadata:
  name: b
  labels:
    pod-security.kubernetes.io/warn: restricted
---
apiVersion: v1
kind: Namespace
metadata:
  name: c
  labels:
    pod-security.kubernetes.io/enforce: strict
---
apiVersion: v1
kind: Namespace
metadata:
  name: d
  labels:
    pod-security.kubernetes.io/enforce: privileged
`,
      findings: [
        { message: 'namespace "a" has no pod-security.kubernetes.io/enforce label', path: '/metadata', resource: 'a', line: 3 },
        { message: 'namespace "b" has no pod-security.kubernetes.io/enforce label', path: '/metadata/labels', resource: 'b', line: 10 },
        { message: 'namespace "c" has an invalid pod-security.kubernetes.io/enforce value "strict"; the cluster default applies', path: '/metadata/labels/pod-security.kubernetes.io~1enforce', line: 17 },
        { message: 'namespace "d" enforces the privileged Pod Security level', path: '/metadata/labels/pod-security.kubernetes.io~1enforce', severity: 'low', line: 24 },
      ],
    },
  ],
});
