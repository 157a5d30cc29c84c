import { testControl } from '../../tester.js';
import control from './etcd-peer-client-cert-auth.js';
import { flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'enabled', yaml: staticPod('etcd', ['--peer-client-cert-auth=true']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'disabled',
      yaml: staticPod('etcd', ['--peer-client-cert-auth=false']),
      findings: [
        { message: 'etcd: --peer-client-cert-auth is "false"; it must be true', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
