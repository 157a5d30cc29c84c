import { testControl } from '../../tester.js';
import cpuRequests from './missing-cpu-requests.js';
import cpuLimits from './missing-cpu-limits.js';
import memoryRequests from './missing-memory-requests.js';
import memoryLimits from './missing-memory-limits.js';

const complete = `apiVersion: v1
kind: Pod
metadata: { name: w, namespace: shop }
spec:
  containers:
  - name: a
    resources:
      requests: { cpu: 100m, memory: 64Mi }
      limits: { cpu: "1", memory: 128Mi }
  ephemeralContainers:
  - name: debug
`;

const bare = `apiVersion: v1
kind: Pod
metadata: { name: w, namespace: shop }
spec:
  initContainers:
  - name: init
    resources:
      limits: { cpu: 200m, memory: 64Mi }
  containers:
  - name: a
    resources: {}
`;

testControl(cpuRequests, {
  valid: [
    { name: 'complete', yaml: complete },
    {
      name: 'LimitRange min defaults the request',
      yaml: `apiVersion: v1
kind: LimitRange
metadata: { name: lr, namespace: shop }
spec:
  limits:
  - type: Container
    min: { cpu: 50m }
---
${bare}`,
    },
  ],
  invalid: [
    {
      name: 'limit implies the request for init; the empty resources lack it',
      yaml: bare,
      findings: [{ message: 'container "a" has no cpu request', path: '/spec/containers/0/resources', container: 'a', line: 11 }],
    },
  ],
});

testControl(cpuLimits, {
  valid: [
    { name: 'complete', yaml: complete },
    {
      name: 'pod-level resources bound every container',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: w }
spec:
  resources:
    limits: { cpu: "2" }
  containers: [{ name: a }]
`,
    },
  ],
  invalid: [
    {
      name: 'a LimitRange in another namespace, or for Pods, does not apply',
      yaml: `apiVersion: v1
kind: LimitRange
metadata: { name: lr, namespace: other }
spec:
  limits: [{ type: Container, default: { cpu: 500m } }]
---
apiVersion: v1
kind: LimitRange
metadata: { name: lr, namespace: shop }
spec:
  limits: [{ type: Pod, max: { cpu: "2" } }]
---
apiVersion: v1
kind: Pod
metadata: { name: w, namespace: shop }
spec:
  containers:
  - name: a
    resources:
      requests: { cpu: 100m }
`,
      findings: [{ message: 'container "a" has no cpu limit', path: '/spec/containers/0/resources', resource: 'w', line: 20 }],
    },
  ],
});

testControl(memoryRequests, {
  valid: [{ name: 'complete', yaml: complete }],
  invalid: [
    {
      name: 'requests without memory',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  template:
    spec:
      containers:
      - name: a
        resources:
          requests:
            cpu: 100m
`,
      findings: [{ message: 'container "a" has no memory request', path: '/spec/template/spec/containers/0/resources/requests', line: 11 }],
    },
  ],
});

testControl(memoryLimits, {
  valid: [
    { name: 'complete', yaml: complete },
    {
      name: 'LimitRange max defaults the limit',
      yaml: `apiVersion: v1
kind: LimitRange
metadata: { name: lr, namespace: shop }
spec:
  limits:
  - type: Container
    max: { memory: 1Gi }
---
${bare}`,
    },
  ],
  invalid: [
    {
      name: 'no resources at all',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  containers:\n  - name: a\n    image: a:1\n',
      findings: [{ message: 'container "a" has no memory limit', path: '/spec/containers/0', line: 6 }],
    },
  ],
});
