import { testControl } from '../../tester.js';
import control from './apiserver-tls-certificate.js';
import { COMMAND_LINE, COMMAND_PATH, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'set', yaml: staticPod('kube-apiserver', ['--tls-cert-file=/etc/kubernetes/pki/apiserver.crt', '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'key missing',
      yaml: staticPod('kube-apiserver', ['--tls-cert-file=/etc/kubernetes/pki/apiserver.crt']),
      findings: [
        { message: 'kube-apiserver: --tls-private-key-file is not set', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
  ],
});
