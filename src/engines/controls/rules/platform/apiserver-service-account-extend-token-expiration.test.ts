import { testControl } from '../../tester.js';
import control from './apiserver-service-account-extend-token-expiration.js';
import { COMMAND_LINE, COMMAND_PATH, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'disabled', yaml: staticPod('kube-apiserver', ['--service-account-extend-token-expiration=false']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'default',
      yaml: staticPod('kube-apiserver', ['--secure-port=6443']),
      findings: [
        { message: 'kube-apiserver: --service-account-extend-token-expiration is not set and defaults to true; it must be false', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
  ],
});
