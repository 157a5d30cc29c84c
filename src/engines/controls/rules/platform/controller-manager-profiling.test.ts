import { testControl } from '../../tester.js';
import control from './controller-manager-profiling.js';
import { COMMAND_LINE, COMMAND_PATH, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'disabled', yaml: staticPod('kube-controller-manager', ['--profiling=false']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'default',
      yaml: staticPod('kube-controller-manager', []),
      findings: [
        { message: 'kube-controller-manager: --profiling is not set and defaults to true; it must be false', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-controller-manager' },
      ],
    },
  ],
});
