import { testControl } from '../../tester.js';
import control from './rbac-nodes-proxy.js';

testControl(control, {
  valid: [
    {
      name: 'nodes and nodes/metrics do not cover nodes/proxy; nodes/* is not a wildcard',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: monitoring }
rules:
- apiGroups: [""]
  resources: [nodes, nodes/metrics, nodes/*]
  verbs: [get, list]
`,
    },
  ],
  invalid: [
    {
      name: 'get nodes/proxy and */proxy',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: agent }
rules:
- apiGroups: [""]
  resources: [nodes/proxy]
  verbs: [get]
- apiGroups: [""]
  resources: ["*/proxy"]
  verbs: ["*"]
`,
      findings: [
        { message: 'ClusterRole "agent" grants get on nodes/proxy', path: '/rules/0', line: 5 },
        { message: 'ClusterRole "agent" grants every verb (*) on nodes/proxy', path: '/rules/1', line: 8 },
      ],
    },
  ],
});
