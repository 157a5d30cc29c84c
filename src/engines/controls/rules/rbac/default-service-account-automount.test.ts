import { testControl } from '../../tester.js';
import control from './default-service-account-automount.js';

testControl(control, {
  valid: [
    { name: 'opted out', yaml: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: default, namespace: shop }\nautomountServiceAccountToken: false\n' },
    { name: 'other accounts are not judged here', yaml: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: app, namespace: shop }\n' },
  ],
  invalid: [
    {
      name: 'unset',
      yaml: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n  namespace: shop\n',
      findings: [{ message: 'the default service account of namespace "shop" does not set automountServiceAccountToken: false', path: '/metadata/name', line: 4 }],
    },
    {
      name: 'explicit true',
      yaml: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: default, namespace: shop }\nautomountServiceAccountToken: true\n',
      findings: [{ message: 'the default service account of namespace "shop" sets automountServiceAccountToken to true', path: '/automountServiceAccountToken', line: 4 }],
    },
  ],
});
