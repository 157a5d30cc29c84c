import { testControl } from '../../tester.js';
import control from './apiserver-etcd-client-certificate.js';
import { COMMAND_LINE, COMMAND_PATH, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'set', yaml: staticPod('kube-apiserver', ['--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt', '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'both missing',
      yaml: staticPod('kube-apiserver', []),
      findings: [
        { message: 'kube-apiserver: --etcd-certfile is not set', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
        { message: 'kube-apiserver: --etcd-keyfile is not set', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
  ],
});
