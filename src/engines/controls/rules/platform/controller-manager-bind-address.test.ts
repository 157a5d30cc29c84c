import { testControl } from '../../tester.js';
import control from './controller-manager-bind-address.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'loopback', yaml: staticPod('kube-controller-manager', ['--bind-address=127.0.0.1']) },
    { name: 'IPv6 loopback', yaml: staticPod('kube-controller-manager', ['--bind-address=::1']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'default',
      yaml: staticPod('kube-controller-manager', []),
      findings: [
        { message: 'kube-controller-manager: --bind-address is not set and defaults to 0.0.0.0 (all interfaces); it must be 127.0.0.1', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-controller-manager' },
      ],
    },
    {
      name: 'all interfaces',
      yaml: staticPod('kube-controller-manager', ['--bind-address=0.0.0.0']),
      findings: [
        { message: 'kube-controller-manager: --bind-address is "0.0.0.0"; it must be 127.0.0.1', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
