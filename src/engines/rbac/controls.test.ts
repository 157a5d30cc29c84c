import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testControl } from '../controls/tester.js';
import { rbacControls, rbacEscalationPath } from './controls.js';

const BASE = `
apiVersion: v1
kind: Namespace
metadata: {name: kube-system, labels: {pod-security.kubernetes.io/enforce: baseline}}
---
apiVersion: v1
kind: Namespace
metadata: {name: ci, labels: {pod-security.kubernetes.io/enforce: restricted}}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ops-bot, namespace: kube-system}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: cluster-admin}
rules:
- {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ops-bot-admin}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
- {kind: ServiceAccount, name: ops-bot, namespace: kube-system}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: deployer}
rules:
- {apiGroups: ["apps"], resources: ["deployments"], verbs: ["create"]}
`;

testControl(rbacEscalationPath, {
  valid: [
    {
      name: 'bindings to bootstrap view and the platform\'s own bootstrap paths are not reported',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: readers}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects:
- {kind: Group, name: system:authenticated}
`,
    },
    {
      name: 'pod creation only in a namespace without powerful accounts',
      yaml: `${BASE}---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-deployer, namespace: ci}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: deployer}
subjects:
- {kind: ServiceAccount, name: deployer, namespace: ci}
`,
    },
    {
      name: 'create clusterrolebindings without bind is guarded by the API server',
      yaml: `${BASE}---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: crb-writer}
rules:
- {apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterrolebindings"], verbs: ["create"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: writer}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: crb-writer}
subjects:
- {kind: User, name: alice}
`,
    },
  ],
  invalid: [
    {
      name: 'a binding to the bootstrap cluster-admin (not in the input) still opens the path',
      yaml: `apiVersion: v1
kind: ServiceAccount
metadata: {name: checkout, namespace: shop}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: deploy, namespace: shop}
rules:
- {apiGroups: [""], resources: ["pods"], verbs: ["create"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: deployer, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deploy}
subjects:
- {kind: ServiceAccount, name: deployer, namespace: ci}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: checkout-admin}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
- {kind: ServiceAccount, name: checkout, namespace: shop}
`,
      findings: [{ message: 'ServiceAccount ci/deployer can become cluster-admin in 2 steps: create pods in shop -> ServiceAccount:shop:checkout; all permissions -> cluster-admin', path: '/subjects/0', severity: 'critical', resource: 'deployer' }],
    },
    {
      name: 'deployments in kube-system open a path to its cluster-admin account',
      yaml: `${BASE}---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ci-deployer, namespace: kube-system}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: deployer}
subjects:
- {kind: User, name: someone}
- {kind: ServiceAccount, name: deployer, namespace: ci}
`,
      findings: [
        { message: 'ServiceAccount ci/deployer can become cluster-admin in 2 steps: create deployments in kube-system -> ServiceAccount:kube-system:ops-bot; all permissions -> cluster-admin', path: '/subjects/1', severity: 'critical', resource: 'ci-deployer' },
        { message: /^User someone can become cluster-admin in 2 steps/, path: '/subjects/0', severity: 'critical', resource: 'ci-deployer' },
      ],
    },
    {
      name: 'bind plus create clusterrolebindings reaches cluster-admin',
      yaml: `${BASE}---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: crb-binder}
rules:
- {apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterrolebindings"], verbs: ["create"]}
- {apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["bind"], resourceNames: ["cluster-admin"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: binder}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: crb-binder}
subjects:
- {kind: Group, name: platform}
`,
      findings: [{ message: 'Group platform can become cluster-admin in 2 steps: bind clusterroles (cluster-admin) -> ClusterRole:cluster-admin; all permissions -> cluster-admin', path: '/subjects/0', resource: 'binder' }],
    },
  ],
});

test('rbacControls exports the escalation control', () => {
  assert.deepEqual(rbacControls.map((c) => c.meta.id), ['rbac-escalation-path']);
});
