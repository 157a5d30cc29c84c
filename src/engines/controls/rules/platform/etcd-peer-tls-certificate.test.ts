import { testControl } from '../../tester.js';
import control from './etcd-peer-tls-certificate.js';
import { COMMAND_LINE, COMMAND_PATH, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'set', yaml: staticPod('etcd', ['--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt', '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'missing',
      yaml: staticPod('etcd', ['--peer-key-file=/etc/kubernetes/pki/etcd/peer.key']),
      findings: [
        { message: 'etcd: --peer-cert-file is not set', path: COMMAND_PATH, line: COMMAND_LINE, container: 'etcd' },
      ],
    },
  ],
});
