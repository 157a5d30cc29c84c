import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testControl } from '../controls/tester.js';
import { unknownMappings } from '../frameworks/index.js';
import { podSecurityNamespace, podSecurityStandard, pssControls } from './controls.js';

const restrictedDeployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
      containers:
      - name: web
        image: nginx
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
`;

const looseDeployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
      containers:
      - name: web
        image: nginx
`;

const hostDaemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: ops }
spec:
  template:
    spec:
      hostPID: true
      containers:
      - name: agent
        image: agent
        securityContext: { privileged: true }
`;

testControl(podSecurityStandard, {
  valid: [
    { name: 'restricted deployment', yaml: restrictedDeployment },
    { name: 'baseline is enough at level baseline', yaml: looseDeployment, params: { level: 'baseline' } },
    { name: 'privileged level allows host access', yaml: hostDaemonSet, params: { level: 'privileged' } },
    { name: 'escalation is not required before v1.8', yaml: looseDeployment.replace('image: nginx', 'image: nginx\n        securityContext: { capabilities: { drop: [ALL] } }'), params: { version: 'v1.7' } },
  ],
  invalid: [
    {
      name: 'restricted:latest: one finding per failing check, at the offending container',
      yaml: looseDeployment,
      findings: [
        {
          message: 'violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "web" must set securityContext.allowPrivilegeEscalation=false)',
          path: '/spec/template/spec/containers/0',
          container: 'web',
          severity: 'medium',
        },
        {
          message: 'violates PodSecurity "restricted:latest": unrestricted capabilities (container "web" must set securityContext.capabilities.drop=["ALL"])',
          path: '/spec/template/spec/containers/0',
          container: 'web',
          severity: 'medium',
        },
      ],
    },
    {
      name: 'bare pod: every restricted finding carries a fix that removes it',
      yaml: `apiVersion: v1
kind: Pod
metadata: { name: bare }
spec:
  containers:
  - name: app
    image: app
    securityContext: { runAsNonRoot: false, seccompProfile: { type: Unconfined }, capabilities: { add: [NET_BIND_SERVICE] } }
  - name: side
    image: side
`,
      findings: [
        { message: /allowPrivilegeEscalation != false \(containers "app", "side" must set/, path: '/spec/containers/0/securityContext', container: 'app' },
        { message: /unrestricted capabilities \(containers "app", "side" must set securityContext.capabilities.drop=\["ALL"\]\)/, path: '/spec/containers/0/securityContext/capabilities', container: 'app' },
        { message: /runAsNonRoot != true \(container "app" must not set securityContext.runAsNonRoot=false\)/, path: '/spec/containers/0/securityContext/runAsNonRoot', container: 'app' },
        { message: /seccompProfile \(container "app" must not set securityContext.seccompProfile.type to "Unconfined"\)/, path: '/spec/containers/0/securityContext/seccompProfile/type', container: 'app' },
      ],
    },
    {
      name: 'baseline:v1.30: host namespaces and privileged at the fields',
      yaml: hostDaemonSet,
      params: { level: 'baseline', version: 'v1.30' },
      findings: [
        { message: 'violates PodSecurity "baseline:v1.30": host namespaces (hostPID=true)', path: '/spec/template/spec/hostPID', severity: 'high', line: 7 },
        {
          message: 'violates PodSecurity "baseline:v1.30": privileged (container "agent" must not set securityContext.privileged=true)',
          path: '/spec/template/spec/containers/0/securityContext/privileged',
          container: 'agent',
          severity: 'high',
        },
      ],
    },
  ],
});

const ns = (labels: string): string => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
${labels}
---
`;

const loosePod = `apiVersion: v1
kind: Pod
metadata: { name: p, namespace: shop }
spec:
  containers:
  - name: app
    image: app
`;

testControl(podSecurityNamespace, {
  valid: [
    { name: 'namespace without pod-security labels', yaml: ns('    team: a') + looseDeployment },
    { name: 'workload satisfies the enforced level', yaml: ns('    pod-security.kubernetes.io/enforce: baseline') + looseDeployment },
    { name: 'namespace not in the input', yaml: looseDeployment },
    { name: 'valid labels', yaml: ns('    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: v1.30') },
    { name: 'enforce-version alone keeps the privileged default', yaml: ns('    pod-security.kubernetes.io/enforce-version: v1.30') + loosePod },
  ],
  invalid: [
    {
      name: 'enforce restricted: the Pod is rejected; warn is not added to a rejected Pod; audit still records',
      yaml: ns('    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: v1.30\n    pod-security.kubernetes.io/warn: restricted\n    pod-security.kubernetes.io/audit: baseline') + loosePod,
      findings: [
        {
          message:
            'rejected by namespace "shop" (enforce): would violate PodSecurity "restricted:v1.30": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
          path: '/spec/containers/0',
          container: 'app',
          severity: 'high',
          resource: 'p',
        },
      ],
    },
    {
      name: 'warn restricted on a Deployment: a warning in PSA words',
      yaml: ns('    pod-security.kubernetes.io/warn: restricted') + looseDeployment,
      findings: [
        {
          message:
            'warning from namespace "shop" (warn): would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "web" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "web" must set securityContext.capabilities.drop=["ALL"])',
          path: '/spec/template/spec/containers/0',
          severity: 'medium',
          resource: 'web',
        },
      ],
    },
    {
      name: 'enforce on a Deployment: its pods would be rejected',
      yaml: ns('    pod-security.kubernetes.io/enforce: restricted') + looseDeployment,
      findings: [{ message: /^its pods rejected by namespace "shop" \(enforce\): would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false/, path: '/spec/template/spec/containers/0', severity: 'high' }],
    },
    {
      name: 'invalid labels fall back as upstream does (enforce → restricted, version → latest)',
      yaml: ns('    pod-security.kubernetes.io/enforce: strict\n    pod-security.kubernetes.io/warn-version: "1.30"') + restrictedDeployment,
      findings: [
        {
          message:
            'invalid Pod Security label: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted (the API server rejects this Namespace on create or update; where the label already exists, PSA uses "restricted" for enforce)',
          path: '/metadata/labels/pod-security.kubernetes.io~1enforce',
          severity: 'medium',
          line: 6,
        },
        {
          message:
            'invalid Pod Security label: metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: "1.30": must be "latest" or "v1.x" (the API server rejects this Namespace on create or update; where the label already exists, PSA uses "latest" for warn)',
          path: '/metadata/labels/pod-security.kubernetes.io~1warn-version',
          severity: 'medium',
        },
      ],
    },
    {
      name: 'an invalid enforce level enforces restricted on the workloads',
      yaml: ns('    pod-security.kubernetes.io/enforce: Baseline') + looseDeployment,
      findings: [
        { message: /^invalid Pod Security label: metadata.labels\[pod-security.kubernetes.io\/enforce\]: Invalid value: "Baseline"/, path: '/metadata/labels/pod-security.kubernetes.io~1enforce', resource: 'shop' },
        { message: /^its pods rejected by namespace "shop" \(enforce\): would violate PodSecurity "restricted:latest": /, path: '/spec/template/spec/containers/0', resource: 'web' },
      ],
    },
  ],
});

test('framework mappings of the PSS controls are all known catalog IDs', () => {
  assert.deepEqual(unknownMappings(pssControls.map((c) => c.meta)), []);
});
