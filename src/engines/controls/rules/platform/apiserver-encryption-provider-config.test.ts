import { testControl } from '../../tester.js';
import control from './apiserver-encryption-provider-config.js';
import { COMMAND_LINE, COMMAND_PATH, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'set', yaml: staticPod('kube-apiserver', ['--encryption-provider-config=/etc/kubernetes/enc/config.yaml']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'missing',
      yaml: staticPod('kube-apiserver', ['--secure-port=6443']),
      findings: [
        { message: 'kube-apiserver: --encryption-provider-config is not set', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
  ],
});
