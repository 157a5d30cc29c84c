import { testControl } from '../../tester.js';
import control from './service-loadbalancer.js';

testControl(control, {
  valid: [
    {
      name: 'internal AWS load balancer',
      yaml: `apiVersion: v1
kind: Service
metadata:
  name: api
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-scheme: internal
spec:
  type: LoadBalancer
`,
    },
    {
      name: 'internal GKE load balancer',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  annotations: { networking.gke.io/load-balancer-type: Internal }\nspec:\n  type: LoadBalancer\n',
    },
  ],
  invalid: [
    {
      name: 'public load balancer',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: { name: api }\nspec:\n  type: LoadBalancer\n',
      findings: [{ message: 'Service "api" is of type LoadBalancer and open to any source', path: '/spec/type', severity: 'medium', line: 5 }],
    },
    {
      name: 'source ranges that include everything do not count',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: { name: api }\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges: [10.0.0.0/8, 0.0.0.0/0]\n',
      findings: [{ message: 'Service "api" is of type LoadBalancer and open to any source', path: '/spec/type', severity: 'medium' }],
    },
    {
      name: 'restricted source ranges',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: { name: api }\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges: [203.0.113.0/24]\n',
      findings: [{ message: 'Service "api" is of type LoadBalancer, restricted to 203.0.113.0/24', path: '/spec/type', severity: 'low', line: 5 }],
    },
  ],
});
