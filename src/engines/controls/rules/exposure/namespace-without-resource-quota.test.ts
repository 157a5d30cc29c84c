import { testControl } from '../../tester.js';
import control from './namespace-without-resource-quota.js';

testControl(control, {
  valid: [
    {
      name: 'quota present',
      yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n---\napiVersion: v1\nkind: ResourceQuota\nmetadata: { name: q, namespace: shop }\nspec:\n  hard: { pods: "50" }\n',
    },
    { name: 'system namespace excluded', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: { name: kube-system }\n' },
  ],
  invalid: [
    {
      name: 'quota elsewhere, and an empty quota here',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ResourceQuota
metadata: { name: q, namespace: other }
spec:
  hard: { pods: "50" }
---
apiVersion: v1
kind: ResourceQuota
metadata: { name: empty, namespace: shop }
spec: {}
`,
      findings: [{ message: 'namespace "shop" has no ResourceQuota', path: '/metadata/name', resource: 'shop', line: 4 }],
    },
  ],
});
