import { testControl } from '../../tester.js';
import control from './controller-manager-service-account-private-key.js';
import { COMMAND_LINE, COMMAND_PATH, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'set', yaml: staticPod('kube-controller-manager', ['--service-account-private-key-file=/etc/kubernetes/pki/sa.key']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'missing',
      yaml: staticPod('kube-controller-manager', ['--profiling=false']),
      findings: [
        { message: 'kube-controller-manager: --service-account-private-key-file is not set', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-controller-manager' },
      ],
    },
  ],
});
