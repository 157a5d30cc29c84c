import { testControl } from '../../tester.js';
import control from './apiserver-kubelet-client-certificate.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'both set', yaml: staticPod('kube-apiserver', ['--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt', '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'key missing',
      yaml: staticPod('kube-apiserver', ['--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt']),
      findings: [
        { message: 'kube-apiserver: --kubelet-client-key is not set', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
    {
      name: 'certificate empty',
      yaml: staticPod('kube-apiserver', ['--kubelet-client-certificate=', '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key']),
      findings: [
        { message: 'kube-apiserver: --kubelet-client-certificate is empty', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
