import { testControl } from '../../tester.js';
import control from './apiserver-profiling.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'disabled', yaml: staticPod('kube-apiserver', ['--profiling=false']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'default',
      yaml: staticPod('kube-apiserver', []),
      findings: [
        { message: 'kube-apiserver: --profiling is not set and defaults to true; it must be false', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
    {
      name: 'enabled',
      yaml: staticPod('kube-apiserver', ['--profiling=true']),
      findings: [
        { message: 'kube-apiserver: --profiling is "true"; it must be false', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
