import { testControl } from '../../tester.js';
import control from './service-nodeport.js';

testControl(control, {
  valid: [
    { name: 'ClusterIP', yaml: 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  type: ClusterIP\n  ports: [{ port: 80 }]\n' },
    { name: 'default type', yaml: 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  ports: [{ port: 80 }]\n' },
  ],
  invalid: [
    {
      name: 'NodePort',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: { name: web, namespace: shop }\nspec:\n  type: NodePort\n  ports: [{ port: 80, nodePort: 30080 }]\n',
      findings: [{ message: 'Service "web" is of type NodePort', path: '/spec/type', line: 5 }],
    },
  ],
});
