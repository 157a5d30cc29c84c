import { testControl } from '../../tester.js';
import control from './apiserver-audit-log-maxage.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'enough', yaml: staticPod('kube-apiserver', ['--audit-log-maxage=30']) },
    { name: 'more', yaml: staticPod('kube-apiserver', ['--audit-log-maxage=90']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'default',
      yaml: staticPod('kube-apiserver', []),
      findings: [
        { message: 'kube-apiserver: --audit-log-maxage is not set and defaults to 0; it must be at least 30', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
    {
      name: 'too low',
      yaml: staticPod('kube-apiserver', ['--audit-log-maxage=1']),
      findings: [
        { message: 'kube-apiserver: --audit-log-maxage is 1; it must be at least 30', path: flagPath(0), line: flagLine(0) },
      ],
    },
    {
      name: 'not an integer',
      yaml: staticPod('kube-apiserver', ['--audit-log-maxage=30x']),
      findings: [
        { message: 'kube-apiserver: --audit-log-maxage is "30x", not an integer; it must be at least 30', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
