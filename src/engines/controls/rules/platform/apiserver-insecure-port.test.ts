import { testControl } from '../../tester.js';
import control from './apiserver-insecure-port.js';
import { flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'absent', yaml: staticPod('kube-apiserver', ['--secure-port=6443']) },
    { name: 'disabled', yaml: staticPod('kube-apiserver', ['--insecure-port=0']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'open',
      yaml: staticPod('kube-apiserver', ['--insecure-port=8080']),
      findings: [
        { message: 'kube-apiserver: --insecure-port is "8080"; it must be 0', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
