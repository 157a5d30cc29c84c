import { testControl } from '../../tester.js';
import control from './scheduler-profiling.js';
import { COMMAND_LINE, COMMAND_PATH, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'disabled', yaml: staticPod('kube-scheduler', ['--profiling=false']) },
    { name: 'ignored with a config file', yaml: staticPod('kube-scheduler', ['--config=/etc/kubernetes/scheduler-config.yaml', '--profiling=true']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'default',
      yaml: staticPod('kube-scheduler', ['--bind-address=127.0.0.1']),
      findings: [
        { message: 'kube-scheduler: --profiling is not set and defaults to true; it must be false', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-scheduler' },
      ],
    },
  ],
});
