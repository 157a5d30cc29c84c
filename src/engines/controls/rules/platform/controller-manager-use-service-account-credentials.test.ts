import { testControl } from '../../tester.js';
import control from './controller-manager-use-service-account-credentials.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'enabled', yaml: staticPod('kube-controller-manager', ['--use-service-account-credentials=true']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'default',
      yaml: staticPod('kube-controller-manager', []),
      findings: [
        { message: 'kube-controller-manager: --use-service-account-credentials is not set and defaults to false; it must be true', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-controller-manager' },
      ],
    },
    {
      name: 'disabled',
      yaml: staticPod('kube-controller-manager', ['--use-service-account-credentials=false']),
      findings: [
        { message: 'kube-controller-manager: --use-service-account-credentials is "false"; it must be true', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
