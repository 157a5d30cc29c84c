import { testControl } from '../../tester.js';
import control from './etcd-tls-certificate.js';
import { COMMAND_LINE, COMMAND_PATH, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'flags', yaml: staticPod('etcd', ['--cert-file=/etc/kubernetes/pki/etcd/server.crt', '--key-file=/etc/kubernetes/pki/etcd/server.key']) },
    { name: 'environment', yaml: staticPod('etcd', [], '    env:\n    - name: ETCD_CERT_FILE\n      value: /etc/kubernetes/pki/etcd/server.crt\n    - name: ETCD_KEY_FILE\n      value: /etc/kubernetes/pki/etcd/server.key\n') },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'key missing',
      yaml: staticPod('etcd', ['--cert-file=/etc/kubernetes/pki/etcd/server.crt']),
      findings: [
        { message: 'etcd: --key-file is not set', path: COMMAND_PATH, line: COMMAND_LINE, container: 'etcd' },
      ],
    },
  ],
});
