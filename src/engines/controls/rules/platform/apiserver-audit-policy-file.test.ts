import { testControl } from '../../tester.js';
import control from './apiserver-audit-policy-file.js';
import { COMMAND_LINE, COMMAND_PATH, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'set', yaml: staticPod('kube-apiserver', ['--audit-policy-file=/etc/kubernetes/audit-policy.yaml']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'missing',
      yaml: staticPod('kube-apiserver', ['--audit-log-path=/var/log/kubernetes/audit.log']),
      findings: [
        { message: 'kube-apiserver: --audit-policy-file is not set', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
  ],
});
