import { testControl } from '../../tester.js';
import control from './rbac-create-pods.js';

testControl(control, {
  valid: [
    {
      name: 'read-only, exec, and create restricted by name (never matches create)',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: dev, namespace: shop }
rules:
- apiGroups: ["", apps]
  resources: [pods, deployments]
  verbs: [get, list, watch]
- apiGroups: [""]
  resources: [pods/exec]
  verbs: [create]
- apiGroups: [apps]
  resources: [deployments]
  resourceNames: [web]
  verbs: [create, update]
`,
    },
  ],
  invalid: [
    {
      name: 'pods and controllers across groups',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: deployer }
rules:
- apiGroups: [apps, batch]
  resources: [deployments, cronjobs]
  verbs: [create, update]
- apiGroups: [""]
  resources: ["*"]
  verbs: [create]
`,
      findings: [
        { message: 'ClusterRole "deployer" grants create on deployments.apps and cronjobs.batch', path: '/rules/0', severity: 'high', line: 5 },
        { message: 'ClusterRole "deployer" grants create on pods and replicationcontrollers', path: '/rules/1', line: 8 },
      ],
    },
  ],
});
