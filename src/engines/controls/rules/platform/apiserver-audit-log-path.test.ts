import { testControl } from '../../tester.js';
import control from './apiserver-audit-log-path.js';
import { COMMAND_LINE, COMMAND_PATH, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'set', yaml: staticPod('kube-apiserver', ['--audit-log-path=/var/log/kubernetes/audit.log']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'missing',
      yaml: staticPod('kube-apiserver', ['--secure-port=6443']),
      findings: [
        { message: 'kube-apiserver: --audit-log-path is not set', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
  ],
});
