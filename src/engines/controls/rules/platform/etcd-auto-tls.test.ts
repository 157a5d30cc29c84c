import { testControl } from '../../tester.js';
import control from './etcd-auto-tls.js';
import { flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'default', yaml: staticPod('etcd', ['--cert-file=/etc/kubernetes/pki/etcd/server.crt']) },
    { name: 'explicit false', yaml: staticPod('etcd', ['--auto-tls=false']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'bare boolean',
      yaml: staticPod('etcd', ['--auto-tls']),
      findings: [
        { message: 'etcd: --auto-tls is "true"; it must not be true', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
