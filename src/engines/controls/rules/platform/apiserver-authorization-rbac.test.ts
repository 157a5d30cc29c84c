import { testControl } from '../../tester.js';
import control from './apiserver-authorization-rbac.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'Node and RBAC', yaml: staticPod('kube-apiserver', ['--authorization-mode=Node,RBAC']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'default mode',
      yaml: staticPod('kube-apiserver', ['--secure-port=6443']),
      findings: [
        { message: 'kube-apiserver: --authorization-mode is not set and defaults to AlwaysAllow; it must include RBAC', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
    {
      name: 'Node only',
      yaml: staticPod('kube-apiserver', ['--authorization-mode=Node']),
      findings: [
        { message: 'kube-apiserver: --authorization-mode "Node" does not include RBAC', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
