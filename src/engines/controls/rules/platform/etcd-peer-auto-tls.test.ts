import { testControl } from '../../tester.js';
import control from './etcd-peer-auto-tls.js';
import { flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'default', yaml: staticPod('etcd', ['--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'enabled',
      yaml: staticPod('etcd', ['--peer-auto-tls=true']),
      findings: [
        { message: 'etcd: --peer-auto-tls is "true"; it must not be true', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
