import { testControl } from '../../tester.js';
import control from './service-external-ips.js';

testControl(control, {
  valid: [{ name: 'no externalIPs', yaml: 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  externalIPs: []\n  ports: [{ port: 80 }]\n' }],
  invalid: [
    {
      name: 'externalIPs',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  ports: [{ port: 80 }]\n  externalIPs:\n  - 8.8.8.8\n',
      findings: [{ message: 'Service "web" claims externalIPs 8.8.8.8', path: '/spec/externalIPs', line: 7 }],
    },
  ],
});
