import { testControl } from '../../tester.js';
import control from './scheduler-bind-address.js';
import { flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'loopback', yaml: staticPod('kube-scheduler', ['--bind-address=127.0.0.1']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'all interfaces, separate form',
      yaml: staticPod('kube-scheduler', ['--bind-address', '0.0.0.0']),
      findings: [
        { message: 'kube-scheduler: --bind-address is "0.0.0.0"; it must be 127.0.0.1', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
