import { testControl } from '../../tester.js';
import control from './apiserver-audit-log-maxsize.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'enough', yaml: staticPod('kube-apiserver', ['--audit-log-maxsize=100']) },
    { name: 'more', yaml: staticPod('kube-apiserver', ['--audit-log-maxsize=300']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'default',
      yaml: staticPod('kube-apiserver', []),
      findings: [
        { message: 'kube-apiserver: --audit-log-maxsize is not set and defaults to 0; it must be at least 100', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
    {
      name: 'too low',
      yaml: staticPod('kube-apiserver', ['--audit-log-maxsize=1']),
      findings: [
        { message: 'kube-apiserver: --audit-log-maxsize is 1; it must be at least 100', path: flagPath(0), line: flagLine(0) },
      ],
    },
    {
      name: 'not an integer',
      yaml: staticPod('kube-apiserver', ['--audit-log-maxsize=100x']),
      findings: [
        { message: 'kube-apiserver: --audit-log-maxsize is "100x", not an integer; it must be at least 100', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
