import { testControl } from '../../tester.js';
import control from './apiserver-kubelet-certificate-authority.js';
import { COMMAND_LINE, COMMAND_PATH, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'CA set', yaml: staticPod('kube-apiserver', ['--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'missing',
      yaml: staticPod('kube-apiserver', ['--secure-port=6443']),
      findings: [
        { message: 'kube-apiserver: --kubelet-certificate-authority is not set', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
  ],
});
