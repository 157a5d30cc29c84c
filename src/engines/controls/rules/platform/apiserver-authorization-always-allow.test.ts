import { testControl } from '../../tester.js';
import control from './apiserver-authorization-always-allow.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'Node and RBAC', yaml: staticPod('kube-apiserver', ['--authorization-mode=Node,RBAC']) },
    { name: 'structured authorization config', yaml: staticPod('kube-apiserver', ['--authorization-config=/etc/kubernetes/authz.yaml']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'default mode',
      yaml: staticPod('kube-apiserver', []),
      findings: [
        { message: 'kube-apiserver: --authorization-mode is not set and defaults to AlwaysAllow', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
    {
      name: 'AlwaysAllow with RBAC',
      yaml: staticPod('kube-apiserver', ['--authorization-mode=RBAC,AlwaysAllow']),
      findings: [
        { message: 'kube-apiserver: --authorization-mode "RBAC,AlwaysAllow" includes AlwaysAllow', path: flagPath(0), line: flagLine(0) },
      ],
    },
    {
      name: 'AlwaysAllow alone, separate form',
      yaml: staticPod('kube-apiserver', ['--authorization-mode', 'AlwaysAllow']),
      findings: [
        { message: 'kube-apiserver: --authorization-mode "AlwaysAllow" includes AlwaysAllow', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
