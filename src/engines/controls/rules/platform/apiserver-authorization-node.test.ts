import { testControl } from '../../tester.js';
import control from './apiserver-authorization-node.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'Node and RBAC', yaml: staticPod('kube-apiserver', ['--authorization-mode=Node,RBAC']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'default mode',
      yaml: staticPod('kube-apiserver', []),
      findings: [
        { message: 'kube-apiserver: --authorization-mode is not set and defaults to AlwaysAllow; it must include Node', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
    {
      name: 'RBAC only',
      yaml: staticPod('kube-apiserver', ['--authorization-mode=RBAC']),
      findings: [
        { message: 'kube-apiserver: --authorization-mode "RBAC" does not include Node', path: flagPath(0), line: flagLine(0) },
      ],
    },
    {
      name: 'repeated flags append',
      yaml: staticPod('kube-apiserver', ['--authorization-mode=RBAC', '--authorization-mode=Webhook']),
      findings: [
        { message: 'kube-apiserver: --authorization-mode "RBAC,Webhook" does not include Node', path: flagPath(1), line: flagLine(1) },
      ],
    },
  ],
});
