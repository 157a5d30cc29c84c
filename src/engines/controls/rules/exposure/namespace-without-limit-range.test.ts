import { testControl } from '../../tester.js';
import control from './namespace-without-limit-range.js';

testControl(control, {
  valid: [
    {
      name: 'limit range present',
      yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n---\napiVersion: v1\nkind: LimitRange\nmetadata: { name: lr, namespace: shop }\nspec:\n  limits: [{ type: Container, default: { cpu: 500m } }]\n',
    },
  ],
  invalid: [
    {
      name: 'none',
      yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
      findings: [{ message: 'namespace "shop" has no LimitRange', path: '/metadata/name', line: 4 }],
    },
    {
      name: 'custom exclusions let kube-system be checked',
      params: { excludedNamespaces: [] },
      yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: { name: kube-system }\n',
      findings: [{ message: 'namespace "kube-system" has no LimitRange', path: '/metadata/name', line: 3 }],
    },
  ],
});
